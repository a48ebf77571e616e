package dev.shenava.alerts;

import dev.shenava.crawler.AddressGuard;
import okhttp3.Dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Keeps webhooks from reaching into the network Shenava runs in (server-side request forgery):
 * loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local and multicast
 * addresses are refused unless {@code alerts.allow-private-networks} is true.
 *
 * <p>The check runs twice: when a rule is saved ({@link #check(String)}, for a clear error), and
 * as the HTTP client's {@link Dns} at every connection, so a name that later resolves to a
 * private address (DNS rebinding) is still refused.
 */
public final class NetworkGuard implements Dns {

    private final boolean allowPrivate;

    private NetworkGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * A guard.
     *
     * @param allowPrivate true to allow private and loopback targets (tests, on-premises receivers)
     * @return the guard
     */
    public static NetworkGuard create(boolean allowPrivate) {
        return new NetworkGuard(allowPrivate);
    }

    /**
     * Checks a target URL now. A host that does not resolve yet passes (DNS may be down for a
     * moment); it is checked again at every connection.
     *
     * @param url the target URL
     * @throws AlertsException when its host resolves to a refused address
     */
    public void check(String url) {
        String host = URI.create(url).getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return;
        }
        try {
            refuse(host, List.of(all));
        } catch (UnknownHostException e) {
            throw new AlertsException("target " + url + " refused: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a connected address the guard does not allow.
     *
     * @param address the address
     * @throws UnknownHostException naming the address and the setting that allows it
     */
    void verify(InetAddress address) throws UnknownHostException {
        if (!allowPrivate && refused(address)) {
            throw new UnknownHostException(address.getHostAddress() + " is a private or loopback address;"
                    + " set alerts.allow-private-networks: true to allow it");
        }
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> all = List.of(InetAddress.getAllByName(bare));
        refuse(host, all);
        return all;
    }

    private void refuse(String host, List<InetAddress> addresses) throws UnknownHostException {
        if (allowPrivate) {
            return;
        }
        for (InetAddress a : addresses) {
            if (refused(a)) {
                throw new UnknownHostException(host + " resolves to " + a.getHostAddress()
                        + ", a private or loopback address; set alerts.allow-private-networks: true to allow it");
            }
        }
    }

    // One definition of "private" for every outgoing request the project makes: the crawler's.
    static boolean refused(InetAddress a) {
        return AddressGuard.forbidden(a);
    }
}
