package dev.shenava.alerts;

import dev.shenava.store.TestElasticsearch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox in a real node: the sender stops while the receiver is down, a new sender starts
 * from the same index, the receiver comes back answering errors and timeouts first, and every
 * event arrives exactly once.
 */
class OutboxRestartIT {

    @Test
    void restartLosesNothingAndDeliversEachEventExactlyOnce() throws Exception {
        String index = TestElasticsearch.uniqueIndex("outbox-it");
        WebhookReceiver probe = new WebhookReceiver(WebhookDeliveryIT.SECRET, n -> WebhookReceiver.Answer.OK).start(0);
        int port = probe.port();
        String url = probe.url();
        probe.close();

        Outbox first = ElasticsearchOutbox.create(TestElasticsearch.client(), index);
        List<Delivery> sent = WebhookDeliveryIT.enqueue(first, url, 6);
        first.add(sent);
        DeliveryDispatcher before = dispatcher(first);
        before.runOnce();
        before.close();
        for (Delivery d : sent) {
            Delivery now = first.forEvent(d.eventId()).getFirst();
            assertEquals(DeliveryState.PENDING, now.state(), "still pending after a refused connection");
            assertEquals(1, now.attempts());
        }

        try (WebhookReceiver receiver = new WebhookReceiver(WebhookDeliveryIT.SECRET, attempt -> switch (attempt) {
            case 1 -> WebhookReceiver.Answer.ERROR;
            case 2 -> WebhookReceiver.Answer.STALL;
            default -> WebhookReceiver.Answer.OK;
        }).start(port)) {
            Outbox restarted = ElasticsearchOutbox.create(TestElasticsearch.client(), index);
            try (DeliveryDispatcher after = dispatcher(restarted).start()) {
                WebhookDeliveryIT.await(() -> WebhookDeliveryIT.allDelivered(restarted, sent));
            }
            assertTrue(receiver.badSignatures.isEmpty());
            assertEquals(6, receiver.accepted().size());
            receiver.accepted().forEach((id, times) -> assertEquals(1, times, id + " delivered once"));
            assertEquals(18, receiver.requests(), "each event: a 500, a timeout, a 200, and nothing after");
            for (Delivery d : sent) {
                Delivery done = restarted.forEvent(d.eventId()).getFirst();
                assertEquals(DeliveryState.DELIVERED, done.state());
                assertEquals(4, done.attempts(), "refused, 500, timeout, 200");
            }
        }
    }

    static DeliveryDispatcher dispatcher(Outbox outbox) {
        return DeliveryDispatcher.builder()
                .outbox(outbox)
                .sender(WebhookSender.create(WebhookDeliveryIT.CLIENT, NetworkGuard.create(true), Duration.ofMillis(800)))
                .secrets(ruleId -> Optional.of(WebhookDeliveryIT.SECRET))
                .schedule(WebhookDeliveryIT.FAST)
                .breaker(100, Duration.ofHours(1), Duration.ofHours(1))
                .poll(Duration.ofMillis(25))
                .build();
    }
}
