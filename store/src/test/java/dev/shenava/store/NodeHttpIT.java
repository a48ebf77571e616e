package dev.shenava.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The light search client against a plain socket server that answers as a node does (chunked or with a
 * length), and that closes kept-alive connections when a test asks it to.
 */
class NodeHttpIT {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private NodeHttp http;

    /** Serves each connection's requests with {@code answer(n)} for the n-th request overall (from 0); null closes. */
    private void serve(IntFunction<String> answer) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        AtomicInteger served = new AtomicInteger();
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    open.add(s);
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> connection(s, answer, served));
                } catch (IOException e) {
                    return;
                }
            }
        });
        http = NodeHttp.create("http", "127.0.0.1", server.getLocalPort(), Optional.of("ApiKey c2VjcmV0"), Optional.empty());
    }

    private void connection(Socket s, IntFunction<String> answer, AtomicInteger served) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            while (true) {
                StringBuilder head = new StringBuilder();
                int length = 0;
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    head.append(line).append('\n');
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                if (head.isEmpty()) {
                    return;
                }
                char[] body = new char[length];
                for (int read = 0; read < length; ) {
                    read += in.read(body, read, length - read);
                }
                requests.add(head + new String(body));
                String reply = answer.apply(served.getAndIncrement());
                if (reply == null) {
                    return;
                }
                out.write(reply.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the client went away
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
        for (Socket s : open) {
            s.close();
        }
    }

    private static String withLength(int status, String body) {
        return "HTTP/1.1 " + status + " OK\r\ncontent-type: application/json\r\ncontent-length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String chunked(String... parts) {
        StringBuilder r = new StringBuilder("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n");
        for (String p : parts) {
            r.append(Integer.toHexString(p.getBytes(StandardCharsets.UTF_8).length)).append("\r\n").append(p).append("\r\n");
        }
        return r.append("0\r\n\r\n").toString();
    }

    @Test
    void readsChunkedAndSizedAnswersOverOneKeptAliveConnection() throws Exception {
        serve(n -> n % 2 == 0 ? chunked("{\"hits\":", "{\"total\":1}}") : withLength(200, "{\"جواب\":2}"));
        for (int i = 0; i < 4; i++) {
            Http1Answers.Answer a = http.post("/idx/_search?filter_path=hits", "{\"size\":1}".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, a.status());
            assertArrayEquals((i % 2 == 0 ? "{\"hits\":{\"total\":1}}" : "{\"جواب\":2}").getBytes(StandardCharsets.UTF_8),
                    a.body());
        }
        assertEquals(1, connections.get());
        String first = requests.getFirst();
        assertTrue(first.startsWith("POST /idx/_search?filter_path=hits HTTP/1.1\n"), first);
        assertTrue(first.contains("Authorization: ApiKey c2VjcmV0\n"), first);
        assertTrue(first.endsWith("\n{\"size\":1}"), first);
    }

    @Test
    void retriesOnceOnANewConnectionWhenTheNodeClosedAnIdleOne() throws Exception {
        serve(n -> n == 1 ? null : withLength(200, "{\"n\":" + n + "}"));
        assertEquals("{\"n\":0}", new String(http.post("/i/_search", new byte[0]).body(), StandardCharsets.UTF_8));
        assertEquals("{\"n\":2}", new String(http.post("/i/_search", new byte[0]).body(), StandardCharsets.UTF_8));
        assertEquals(2, connections.get());
    }

    @Test
    void answersRefusalsWithTheirStatusAndBody() throws Exception {
        serve(n -> withLength(400, "{\"error\":{\"type\":\"x\"},\"status\":400}"));
        Http1Answers.Answer a = http.post("/i/_search", new byte[0]);
        assertEquals(400, a.status());
        assertEquals("{\"error\":{\"type\":\"x\"},\"status\":400}", new String(a.body(), StandardCharsets.UTF_8));
    }

    @Test
    void failsWhenNoNodeListens() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (NodeHttp nowhere = NodeHttp.create("http", "127.0.0.1", port, Optional.empty(), Optional.empty())) {
            assertThrows(IOException.class, () -> nowhere.post("/i/_search", new byte[0]));
        }
    }

    @Test
    void failsOnAnAnswerThatIsNotHttp() throws Exception {
        serve(n -> "SSH-2.0-OpenSSH\r\n\r\n");
        assertThrows(IOException.class, () -> http.post("/i/_search", new byte[0]));
    }
}
