package dev.shenava.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The benchmarks' HTTP/1.1 client: blocking GETs over kept-alive plain sockets, one connection per request in
 * flight, nothing else. The clients share the machine with the service they measure; the JDK's HTTP client
 * spent about a fifth of the bench's CPU on its own selector and futures, which the service then lacked.
 */
final class BenchHttp implements AutoCloseable {

    /** An answer: status and body. */
    record Answer(int status, byte[] body) {
    }

    private record Connection(Socket socket, InputStream in, OutputStream out) {
    }

    private final String host;
    private final int port;
    private final Queue<Connection> idle = new ConcurrentLinkedQueue<>();

    BenchHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /**
     * GETs a path.
     *
     * @param path the path with its query, URL-encoded
     * @return the answer
     * @throws IOException when the connection fails or the answer is not HTTP/1.1
     */
    Answer get(String path) throws IOException {
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
            String status = line(c.in());
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + status);
            }
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(c.in()); !h.isEmpty(); h = line(c.in())) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            byte[] body = chunked ? chunks(c.in()) : length >= 0 ? c.in().readNBytes((int) length) : c.in().readAllBytes();
            if (close || (!chunked && length < 0)) {
                c.socket().close();
            } else {
                idle.add(c);
            }
            return new Answer(Integer.parseInt(status.substring(9, 12)), body);
        } catch (IOException | RuntimeException e) {
            c.socket().close();
            throw e;
        }
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
            body.write(in.readNBytes(size));
            line(in);
        }
        for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
            // trailers carry nothing the bench needs
        }
        return body.toByteArray();
    }

    private static int chunkSize(String line) {
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).strip(), 16);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
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
