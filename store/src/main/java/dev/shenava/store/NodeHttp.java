package dev.shenava.store;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A blocking HTTP/1.1 client for the node's most frequent request, the page-of-mentions search: one
 * kept-alive socket per request in flight, the same URL, credentials, certificate authority and timeouts as
 * the Elasticsearch client, nothing else. The Elasticsearch client's asynchronous Apache client spent about
 * a quarter of the service's CPU per uncached search in its reactor, its futures and lock hand-offs between
 * the calling thread and its I/O thread.
 */
final class NodeHttp implements AutoCloseable {

    /** The Elasticsearch client's own defaults (RestClientBuilder). */
    static final int CONNECT_TIMEOUT_MILLIS = 1_000;
    static final int SOCKET_TIMEOUT_MILLIS = 30_000;
    private static final int MAX_IDLE = 16;

    private record Connection(Socket socket, InputStream in, OutputStream out) {
        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private final String host;
    private final int port;
    private final SocketFactory sockets;
    private final String fixedHeaders;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    private NodeHttp(String host, int port, SocketFactory sockets, String fixedHeaders) {
        this.host = host;
        this.port = port;
        this.sockets = sockets;
        this.fixedHeaders = fixedHeaders;
    }

    /**
     * A client for a node.
     *
     * @param scheme        {@code http} or {@code https}
     * @param host          the node's host; an IPv6 address with or without its brackets
     * @param port          its port
     * @param authorization the {@code Authorization} header value, if any
     * @param ssl           the TLS context for {@code https} (the JDK default when empty)
     * @return the client
     */
    static NodeHttp create(String scheme, String host, int port, Optional<String> authorization,
                           Optional<SSLContext> ssl) {
        boolean tls = "https".equalsIgnoreCase(scheme);
        int actualPort = port > 0 ? port : tls ? 443 : 80;
        SocketFactory factory;
        try {
            factory = tls ? ssl.orElse(SSLContext.getDefault()).getSocketFactory() : SocketFactory.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new StoreException("no TLS support in this JVM for " + host, e);
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String headers = "Host: " + hostHeader(bare, actualPort) + "\r\n"
                + authorization.map(a -> "Authorization: " + a + "\r\n").orElse("")
                + "Content-Type: application/json\r\nAccept: application/json\r\n";
        return new NodeHttp(bare, actualPort, factory, headers);
    }

    /**
     * The {@code Host} header's value for a node.
     *
     * @param host the host name or address, an IPv6 address without brackets
     * @param port the port
     * @return {@code host:port}, an IPv6 address in brackets
     */
    static String hostHeader(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * POSTs a JSON body. A kept-alive connection that the node closed meanwhile is retried once on a new one
     * (the requests sent here are searches, which may be repeated).
     *
     * @param pathAndQuery the path with its query string, encoded
     * @param json         the body
     * @return the answer, whatever its status
     * @throws IOException when the node cannot be reached or answers something that is not HTTP/1.1
     */
    Http1Answers.Answer post(String pathAndQuery, byte[] json) throws IOException {
        byte[] head = ("POST " + pathAndQuery + " HTTP/1.1\r\n" + fixedHeaders + "Content-Length: " + json.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        Connection reused = idle.pollFirst();
        if (reused != null) {
            try {
                return exchange(reused, head, json);
            } catch (StaleConnection e) {
                // the node closed it while it was idle: once more on a fresh connection
            }
        }
        try {
            return exchange(open(), head, json);
        } catch (StaleConnection e) {
            throw new IOException("the node at " + host + ":" + port + " closed the connection without answering",
                    e.getCause());
        }
    }

    private Connection open() throws IOException {
        Socket socket = sockets.createSocket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            if (socket instanceof SSLSocket tls) {
                SSLParameters params = tls.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(params);
                tls.startHandshake();
            }
            return new Connection(socket, new BufferedInputStream(socket.getInputStream(), 65_536),
                    socket.getOutputStream());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Thrown when a connection failed before any byte of an answer came back. */
    private static final class StaleConnection extends Exception {
        StaleConnection(IOException cause) {
            super(cause);
        }
    }

    private Http1Answers.Answer exchange(Connection c, byte[] head, byte[] body) throws IOException, StaleConnection {
        String status;
        try {
            c.out().write(head);
            c.out().write(body);
            c.out().flush();
            int first = c.in().read();
            if (first < 0) {
                throw new IOException("connection closed");
            }
            status = (char) first + Http1Answers.line(c.in());
        } catch (IOException e) {
            c.close();
            if (e instanceof java.net.SocketTimeoutException) {
                throw e;
            }
            throw new StaleConnection(e);
        }
        try {
            return answer(c, status);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private Http1Answers.Answer answer(Connection c, String status) throws IOException {
        Http1Answers.Answer answer = Http1Answers.read(status, c.in(), "the node at " + host + ":" + port);
        if (!answer.reusable() || closed || idle.size() >= MAX_IDLE) {
            c.close();
        } else {
            idle.addFirst(c);
        }
        return answer;
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            c.close();
        }
    }
}
