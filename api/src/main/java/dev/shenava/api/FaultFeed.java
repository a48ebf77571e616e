package dev.shenava.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An RSS feed on loopback that grows while a fault case runs: {@link #publish(int)} adds items, and every
 * request sees all items published so far, newest first, so a crawler that was down misses nothing the
 * source still lists. Each item mentions the brand {@code acme}.
 */
final class FaultFeed implements AutoCloseable {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private final HttpServer server;
    private final AtomicInteger published = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    private FaultFeed(HttpServer server) {
        this.server = server;
    }

    static FaultFeed start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            FaultFeed feed = new FaultFeed(s);
            s.createContext("/feed.xml", feed::serve);
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.start();
            return feed;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test feed on loopback: " + e.getMessage(), e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
    }

    /** Adds items; returns how many the feed lists now. */
    int publish(int more) {
        return published.addAndGet(more);
    }

    int published() {
        return published.get();
    }

    int requests() {
        return requests.get();
    }

    private void serve(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        int n = published.get();
        StringBuilder xml = new StringBuilder(256 + n * 300)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>Fault feed</title><link>http://127.0.0.1/</link><description>d</description>\n");
        for (int i = n - 1; i >= 0; i--) {
            xml.append("<item><guid isPermaLink=\"false\">item-").append(i).append("</guid>")
                    .append("<link>http://127.0.0.1/item/").append(i).append("</link>")
                    .append("<title>Acme order ").append(i).append("</title>")
                    .append("<description>").append(text(i)).append("</description>")
                    .append("<pubDate>").append(rfc1123(T0.plusSeconds(i))).append("</pubDate></item>\n");
        }
        xml.append("</channel></rss>\n");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static String text(int i) {
        return switch (i % 3) {
            case 0 -> "Acme delivery number " + i + " arrived two hours late and the courier was rude.";
            case 1 -> "سفارش " + i + " از Acme خیلی سریع رسید، ممنون از پشتیبانی";
            default -> "Acme app update " + i + " works fine for me.";
        };
    }

    private static String rfc1123(Instant t) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(java.time.ZoneOffset.UTC));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
