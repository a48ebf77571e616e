package dev.shenava.alerts;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookDeliveryIT {

    static final String SECRET = "whsec-test-0123456789";
    static final OkHttpClient CLIENT = new OkHttpClient();
    static final RetrySchedule FAST = new RetrySchedule(Duration.ofMillis(20), 2, Duration.ofMillis(200), Duration.ofHours(25));

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    static AlertEvent event(int n) {
        return event(n, Instant.now());
    }

    static AlertEvent event(int n, Instant createdAt) {
        Instant t = createdAt.plusMillis(n);
        return new AlertEvent("evt-test-" + n, "rule-1", "snapp", Signal.NEGATIVE_SPIKE, t.minusSeconds(3600), t, 42,
                6, 0.93, "Negative mentions of snapp: 42 in the last hour against 6 expected.", List.of("delivery", "late"),
                List.of(new AlertEvent.Example("m1", "سفارشم دو ساعت دیر رسید", "https://example.org/p/1", 120)), t, List.of());
    }

    static List<Delivery> enqueue(Outbox outbox, String url, int count) {
        List<Delivery> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AlertEvent e = event(i);
            all.add(Delivery.pending(e, 0, new WebhookTarget(url, "json"), WebhookPayloads.render(e, "json")));
        }
        outbox.add(all);
        return all;
    }

    DeliveryDispatcher dispatcher(Outbox outbox, boolean allowPrivate, RetrySchedule schedule, int breakerFailures) {
        DeliveryDispatcher d = DeliveryDispatcher.builder()
                .outbox(outbox)
                .sender(WebhookSender.create(CLIENT, NetworkGuard.create(allowPrivate), Duration.ofMillis(800)))
                .secrets(ruleId -> Optional.of(SECRET))
                .schedule(schedule)
                .breaker(breakerFailures, Duration.ofHours(1), Duration.ofHours(1))
                .poll(Duration.ofMillis(25))
                .build();
        closing.add(d);
        return d;
    }

    static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    static boolean allDelivered(Outbox outbox, List<Delivery> deliveries) {
        return deliveries.stream().allMatch(d -> outbox.forEvent(d.eventId()).getFirst().state() == DeliveryState.DELIVERED);
    }

    @Test
    void deliversEachEventExactlyOnceThroughErrorsAndTimeouts() throws Exception {
        WebhookReceiver receiver = new WebhookReceiver(SECRET, attempt -> switch (attempt) {
            case 1 -> WebhookReceiver.Answer.ERROR;
            case 2 -> WebhookReceiver.Answer.STALL;
            default -> WebhookReceiver.Answer.OK;
        }).start(0);
        closing.add(receiver);
        Outbox outbox = new MemoryOutbox();
        List<Delivery> sent = enqueue(outbox, receiver.url(), 4);

        dispatcher(outbox, true, FAST, 100).start();
        await(() -> allDelivered(outbox, sent));

        assertTrue(receiver.badSignatures.isEmpty(), "every request carries a valid signature");
        assertEquals(4, receiver.accepted().size());
        receiver.accepted().forEach((id, times) -> assertEquals(1, times, id + " accepted once"));
        for (Delivery d : sent) {
            Delivery now = outbox.forEvent(d.eventId()).getFirst();
            assertEquals(DeliveryState.DELIVERED, now.state());
            assertEquals(3, now.attempts(), "500, timeout, then 200");
        }
        assertEquals(12, receiver.requests(), "no attempt after the 2xx");
    }

    @Test
    void resumesDeliveryAfterRestartWhileReceiverWasDown() throws Exception {
        WebhookReceiver first = new WebhookReceiver(SECRET, attempt -> WebhookReceiver.Answer.OK).start(0);
        int port = first.port();
        String url = first.url();
        first.close();
        Outbox outbox = new MemoryOutbox();
        List<Delivery> sent = enqueue(outbox, url, 3);

        DeliveryDispatcher before = dispatcher(outbox, true, FAST, 100);
        before.runOnce();
        before.close();
        assertTrue(sent.stream().allMatch(d -> outbox.forEvent(d.eventId()).getFirst().state() == DeliveryState.PENDING));

        WebhookReceiver receiver = new WebhookReceiver(SECRET, attempt -> WebhookReceiver.Answer.OK).start(port);
        closing.add(receiver);
        dispatcher(outbox, true, FAST, 100).start();
        await(() -> allDelivered(outbox, sent));

        assertEquals(3, receiver.accepted().size());
        receiver.accepted().forEach((id, times) -> assertEquals(1, times, id + " accepted once"));
    }

    @Test
    void pausesReceiverThatKeepsFailingInsteadOfHammeringIt() throws Exception {
        WebhookReceiver receiver = new WebhookReceiver(SECRET, attempt -> WebhookReceiver.Answer.ERROR).start(0);
        closing.add(receiver);
        Outbox outbox = new MemoryOutbox();
        List<Delivery> sent = enqueue(outbox, receiver.url(), 10);
        DeliveryDispatcher d = dispatcher(outbox, true, FAST, 3);

        for (int i = 0; i < 20; i++) {
            d.runOnce();
            Thread.sleep(30);
        }

        assertEquals(3, receiver.requests(), "three failures pause the receiver for an hour");
        assertTrue(sent.stream().map(x -> outbox.forEvent(x.eventId()).getFirst().state())
                .allMatch(s -> s == DeliveryState.PAUSED), "the rest wait, paused");
    }

    @Test
    void givesUpWhenTheRetryScheduleRunsOut() throws Exception {
        WebhookReceiver receiver = new WebhookReceiver(SECRET, attempt -> WebhookReceiver.Answer.ERROR).start(0);
        closing.add(receiver);
        Outbox outbox = new MemoryOutbox();
        AlertEvent old = event(0, Instant.now().minus(Duration.ofHours(2)));
        Delivery d = Delivery.pending(old, 0, new WebhookTarget(receiver.url(), "json"), WebhookPayloads.render(old, "json"));
        outbox.add(List.of(d));
        RetrySchedule hourOnly = new RetrySchedule(Duration.ofMillis(10), 2, Duration.ofMillis(10), Duration.ofHours(1));

        dispatcher(outbox, true, hourOnly, 100).runOnce();

        Delivery after = outbox.forEvent(old.id()).getFirst();
        assertEquals(DeliveryState.FAILED, after.state(), "the event is long past its retry deadline");
        assertEquals(500, after.lastStatus());
    }

    @Test
    void refusesLoopbackTargetsUnlessPrivateNetworksAreAllowed() throws Exception {
        WebhookReceiver receiver = new WebhookReceiver(SECRET, attempt -> WebhookReceiver.Answer.OK).start(0);
        closing.add(receiver);
        Outbox outbox = new MemoryOutbox();
        List<Delivery> sent = enqueue(outbox, receiver.url(), 1);

        dispatcher(outbox, false, FAST, 100).runOnce();

        Delivery after = outbox.forEvent(sent.getFirst().eventId()).getFirst();
        assertEquals(0, receiver.requests(), "nothing reached the loopback receiver");
        assertEquals(DeliveryState.PENDING, after.state());
        assertTrue(after.lastError().contains("private or loopback"), after.lastError());
    }
}
