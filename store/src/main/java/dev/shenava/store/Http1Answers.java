package dev.shenava.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads HTTP/1.1 answers off kept-alive connections, for the blocking clients that need nothing more than a status
 * and a body: the store's page-of-mentions search ({@link NodeHttp}) and the query benchmark's client. A body is
 * read by its length or its chunks, and one that gives neither is read to the connection's end.
 */
public final class Http1Answers {

    private static final int MAX_LINE = 65_536;

    /**
     * An answer.
     *
     * @param status   its status code
     * @param body     its body, whole
     * @param reusable whether its connection may carry another request
     */
    public record Answer(int status, byte[] body, boolean reusable) {
    }

    private Http1Answers() {
    }

    /**
     * Reads an answer's headers and body, its status line already read (a client tells a connection closed before
     * any byte of an answer from one closed in its middle).
     *
     * @param status the status line, without its line break
     * @param in     the connection's input, buffered
     * @param peer   who answered (e.g. {@code the node at host:port}), for the messages of failures
     * @return the answer
     * @throws IOException when it is not an HTTP/1.1 answer, is compressed, or ends early
     */
    public static Answer read(String status, InputStream in, String peer) throws IOException {
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer from " + peer + ": " + shorten(status));
        }
        int code = (int) number(status.substring(9, 12), 10, status);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = number(lower.substring(15).strip(), 10, h);
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            } else if (lower.startsWith("content-encoding:") && !lower.contains("identity")) {
                throw new IOException(peer + " compressed an answer it was not asked to");
            }
        }
        byte[] body = chunked ? chunks(in) : length >= 0 ? exactly(in, length) : in.readAllBytes();
        return new Answer(code, body, !close && (chunked || length >= 0));
    }

    /**
     * Reads one line of an answer's head.
     *
     * @param in the connection's input, buffered
     * @return the line without its CR LF (a lone LF ends it too)
     * @throws IOException when the connection ends first or the line is over 64 KB
     */
    public static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (line.length() > MAX_LINE) {
                throw new IOException("an answer line longer than 64 KB");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static byte[] exactly(InputStream in, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("an answer of " + length + " bytes is too large to read");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new IOException("connection closed mid-answer");
        }
        return body;
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(16_384);
        for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new IOException("connection closed mid-answer");
            }
            body.write(chunk);
            if (!line(in).isEmpty()) {
                throw new IOException("a chunk longer than its size line says");
            }
        }
        for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
            // trailers carry nothing these clients need
        }
        return body.toByteArray();
    }

    private static int chunkSize(String line) throws IOException {
        int semicolon = line.indexOf(';');
        long size = number((semicolon < 0 ? line : line.substring(0, semicolon)).strip(), 16, line);
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("a chunk of " + size + " bytes is too large to read");
        }
        return (int) size;
    }

    private static long number(String digits, int radix, String line) throws IOException {
        try {
            long n = Long.parseLong(digits, radix);
            if (n < 0) {
                throw new NumberFormatException("negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("not a number in the answer line " + shorten(line), e);
        }
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
