package dev.shenava.api;

import dev.shenava.store.Http1Answers;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BenchHttpIT {

    private static final byte[] LONG = "سفارش دیر رسید, courier late; ".repeat(5000).getBytes(StandardCharsets.UTF_8);
    private static WebServer server;

    @BeforeAll
    static void start() {
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> r.get("/fixed", (req, res) -> res.send(req.query().first("q").orElse("").getBytes(StandardCharsets.UTF_8)))
                        .get("/streamed", (req, res) -> {
                            try (OutputStream out = res.outputStream()) {
                                for (int i = 0; i < LONG.length; i += 7000) {
                                    out.write(LONG, i, Math.min(7000, LONG.length - i));
                                    out.flush();
                                }
                            }
                        })
                        .get("/missing", (req, res) -> res.status(Status.NOT_FOUND_404).send("no such thing")))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void readsFixedChunkedAndErrorAnswersOverKeptConnections() throws Exception {
        try (BenchHttp http = new BenchHttp(URI.create("http://127.0.0.1:" + server.port()))) {
            for (int i = 0; i < 3; i++) {
                Http1Answers.Answer fixed = http.get("/fixed?q=late" + i);
                assertEquals(200, fixed.status());
                assertEquals("late" + i, new String(fixed.body(), StandardCharsets.UTF_8));
                Http1Answers.Answer streamed = http.get("/streamed");
                assertEquals(200, streamed.status());
                assertArrayEquals(LONG, streamed.body());
                Http1Answers.Answer missing = http.get("/missing");
                assertEquals(404, missing.status());
                assertEquals("no such thing", new String(missing.body(), StandardCharsets.UTF_8));
            }
        }
    }
}
