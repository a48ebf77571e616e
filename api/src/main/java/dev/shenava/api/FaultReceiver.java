package dev.shenava.api;

import com.sun.net.httpserver.HttpServer;

import dev.shenava.alerts.SignatureVerifier;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a fixed loopback port that can be taken down (connections refused), made to fail
 * (answers an error status) and brought back; it acknowledges each request with 200 and counts acknowledged
 * requests per event id. Given a secret, it checks each request's signature and answers 401 to a request
 * whose signature does not verify, so such a request is never counted as delivered.
 */
final class FaultReceiver implements AutoCloseable {

    private int port;
    private final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private volatile int failWith;
    private volatile SignatureVerifier verifier;
    private HttpServer server;

    private FaultReceiver(int port) {
        this.port = port;
    }

    /** A receiver on a free port, up. */
    static FaultReceiver start() {
        FaultReceiver r = new FaultReceiver(0);
        r.up();
        return r;
    }

    /** A receiver whose port is reserved but which is down. */
    static FaultReceiver startDown() {
        FaultReceiver r = start();
        r.down();
        return r;
    }

    /** Up and acknowledging. */
    synchronized FaultReceiver up() {
        failWith = 0;
        return listen();
    }

    private FaultReceiver listen() {
        if (server != null) {
            return this;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            s.createContext("/hook", ex -> {
                requests.incrementAndGet();
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String event = ex.getRequestHeaders().getFirst("Shenava-Event-Id");
                SignatureVerifier v = verifier;
                if (v != null && !v.verify(ex.getRequestHeaders().getFirst(SignatureVerifier.HEADER), body, Instant.now())) {
                    badSignatures.incrementAndGet();
                    ex.sendResponseHeaders(401, -1);
                    ex.close();
                    return;
                }
                int status = failWith;
                if (status != 0) {
                    refused.incrementAndGet();
                    ex.sendResponseHeaders(status, -1);
                    ex.close();
                    return;
                }
                ex.sendResponseHeaders(200, -1);
                ex.close();
                acknowledged.computeIfAbsent(event == null ? "" : event, k -> new AtomicInteger()).incrementAndGet();
            });
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.start();
            server = s;
            port = s.getAddress().getPort();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test receiver on port " + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** Checks signatures made with this secret from now on. */
    FaultReceiver verifying(String secret) {
        verifier = SignatureVerifier.create(secret);
        return this;
    }

    /** Up, but answering every request with this status (e.g. 500) until {@link #up()}. */
    synchronized FaultReceiver failing(int status) {
        listen();
        failWith = status;
        return this;
    }

    synchronized FaultReceiver down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    /** @return acknowledged requests per event id */
    Map<String, Integer> acknowledged() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        acknowledged.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    int requests() {
        return requests.get();
    }

    /** @return requests answered with the failing status */
    int refused() {
        return refused.get();
    }

    /** @return requests whose signature did not verify */
    int badSignatures() {
        return badSignatures.get();
    }

    @Override
    public void close() {
        down();
    }
}
