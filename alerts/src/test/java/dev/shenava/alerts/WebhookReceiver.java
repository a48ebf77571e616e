package dev.shenava.alerts;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A webhook receiver as a user would write one: it verifies the signature, deduplicates on the
 * event id, and answers as scripted per attempt (500s, timeouts, success).
 */
final class WebhookReceiver implements AutoCloseable {

    /** What the receiver does with the n-th request for an event (1-based). */
    enum Answer { OK, ERROR, STALL }

    private final SignatureVerifier verifier;
    private final IntFunction<Answer> script;
    private final Map<String, AtomicInteger> attemptsByEvent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> acceptedByEvent = new ConcurrentHashMap<>();
    final List<String> badSignatures = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private MockWebServer server;

    WebhookReceiver(String secret, IntFunction<Answer> script) {
        this.verifier = secret == null ? null : SignatureVerifier.create(secret);
        this.script = script;
    }

    WebhookReceiver start(int port) throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start(port);
        return this;
    }

    int port() {
        return server.getPort();
    }

    String url() {
        return server.url("/hooks/shenava").toString();
    }

    private MockResponse answer(RecordedRequest request) {
        requests.incrementAndGet();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        String eventId = request.getHeaders().get(WebhookSender.EVENT_ID);
        if (verifier != null && !verifier.verify(request.getHeaders().get(SignatureVerifier.HEADER), body, Instant.now())) {
            badSignatures.add(String.valueOf(eventId));
            return new MockResponse.Builder().code(401).build();
        }
        int attempt = attemptsByEvent.computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet();
        return switch (script.apply(attempt)) {
            case ERROR -> new MockResponse.Builder().code(500).body("{\"error\":\"busy\"}").build();
            case STALL -> new MockResponse.Builder().code(504).headersDelay(3, TimeUnit.SECONDS).build();
            case OK -> {
                // a receiver deduplicates on the event id: a repeat is acknowledged, not processed again
                if (acceptedByEvent.computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet() == 1) {
                    bodies.add(body);
                }
                yield new MockResponse.Builder().code(200).build();
            }
        };
    }

    int requests() {
        return requests.get();
    }

    /** How many times each event was answered with a 2xx. */
    Map<String, Integer> accepted() {
        Map<String, Integer> out = new ConcurrentHashMap<>();
        acceptedByEvent.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
