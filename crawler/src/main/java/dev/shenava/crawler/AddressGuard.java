package dev.shenava.crawler;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.Connection;
import okhttp3.Dns;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * SSRF guard: refuses loopback, private, link-local, CGNAT, multicast and cloud metadata addresses, both in DNS
 * answers and on every connection (so every redirect hop and literal IP address is checked).
 */
public final class AddressGuard implements Dns, Interceptor {

    private final Dns delegate;
    private final Predicate<InetAddress> forbidden;

    AddressGuard(Dns delegate, Predicate<InetAddress> forbidden) {
        this.delegate = delegate;
        this.forbidden = forbidden;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> answers = delegate.lookup(hostname);
        List<InetAddress> allowed = answers.stream().filter(a -> !forbidden.test(a)).toList();
        if (allowed.isEmpty()) {
            throw new BlockedAddressException(hostname + " resolves to " + answers.getFirst().getHostAddress()
                    + ", a private or local network address; set crawler.allow-private-networks: true to allow it");
        }
        return allowed;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (connection != null) {
            InetAddress address = connection.route().socketAddress().getAddress();
            if (forbidden.test(address)) {
                throw new BlockedAddressException(chain.request().url().host() + " is at "
                        + address.getHostAddress() + ", a private or local network address; set"
                        + " crawler.allow-private-networks: true to allow it");
            }
        }
        return chain.proceed(chain.request());
    }

    /**
     * Whether an address is one a user-configured source must not reach.
     *
     * @param a the address
     * @return true for loopback, private, link-local, CGNAT, multicast, unspecified and metadata addresses
     */
    public static boolean forbidden(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first == 0 || first == 100 && second >= 64 && second < 128  // CGNAT 100.64/10
                    || first == 192 && second == 0 && (b[2] & 0xFF) == 0     // IETF 192.0.0/24
                    || first == 198 && (second == 18 || second == 19)       // benchmarking
                    || first >= 240;                                        // reserved, broadcast
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xFF;
            if ((first & 0xFE) == 0xFC) {                                   // unique local fc00::/7
                return true;
            }
            boolean mapped = true;                                          // ::ffff:a.b.c.d
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    return forbidden(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return (first == 0xFD && (b[1] & 0xFF) == 0x00 && (b[2] & 0xFF) == 0x0E && (b[3] & 0xFF) == 0xC2); // AWS IMDS v6
        }
        return false;
    }

    /** The address is in a network the crawler may not reach. */
    static final class BlockedAddressException extends UnknownHostException {
        BlockedAddressException(String message) {
            super(message);
        }
    }
}
