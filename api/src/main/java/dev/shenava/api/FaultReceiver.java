package dev.shenava.api;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a fixed loopback port that can be taken down (connections refused) and brought
 * back; it acknowledges each request with 200 and counts acknowledged requests per event id.
 */
final class FaultReceiver implements AutoCloseable {

    private int port;
    private final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
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

    synchronized FaultReceiver up() {
        if (server != null) {
            return this;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            s.createContext("/hook", ex -> {
                requests.incrementAndGet();
                ex.getRequestBody().readAllBytes();
                String event = ex.getRequestHeaders().getFirst("Shenava-Event-Id");
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

    @Override
    public void close() {
        down();
    }
}
