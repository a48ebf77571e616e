package dev.shenava.api;

import dev.shenava.store.Http1Answers;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The benchmarks' HTTP/1.1 client: blocking GETs over kept-alive plain sockets, one connection per request in
 * flight, nothing else; answers are read as the store's page-of-mentions client reads them ({@link Http1Answers}).
 * The clients share the machine with the service they measure; the JDK's HTTP client spent about a fifth of the
 * bench's CPU on its own selector and futures, which the service then lacked.
 */
final class BenchHttp implements AutoCloseable {

    private record Connection(Socket socket, InputStream in, OutputStream out) {
    }

    private final String host;
    private final int port;
    private final String peer;
    private final Queue<Connection> idle = new ConcurrentLinkedQueue<>();

    BenchHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.peer = "the service at " + host + ":" + port;
    }

    /**
     * GETs a path.
     *
     * @param path the path with its query, URL-encoded
     * @return the answer
     * @throws IOException when the connection fails or the answer is not HTTP/1.1
     */
    Http1Answers.Answer get(String path) throws IOException {
        Connection c = idle.poll();
        if (c == null) {
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            c = new Connection(socket, new BufferedInputStream(socket.getInputStream(), 65536), socket.getOutputStream());
        }
        try {
            c.out().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            c.out().flush();
            Http1Answers.Answer answer = Http1Answers.read(Http1Answers.line(c.in()), c.in(), peer);
            if (answer.reusable()) {
                idle.add(c);
            } else {
                c.socket().close();
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            c.socket().close();
            throw e;
        }
    }

    @Override
    public void close() {
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            try {
                c.socket().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
