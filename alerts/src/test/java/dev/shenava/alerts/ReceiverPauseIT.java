package dev.shenava.alerts;

import dev.shenava.store.TestElasticsearch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A receiver paused after repeated failures stays paused across a restart: its state is in a real
 * node, so the restarted sender neither hammers it nor forgets the pause, and sends again when the
 * pause ends.
 */
class ReceiverPauseIT {

    static DeliveryDispatcher dispatcher(Outbox outbox, ReceiverStates states, Duration pause) {
        return DeliveryDispatcher.builder()
                .outbox(outbox)
                .sender(WebhookSender.create(WebhookDeliveryIT.CLIENT, NetworkGuard.create(true), Duration.ofMillis(800)))
                .secrets(ruleId -> Optional.of(WebhookDeliveryIT.SECRET))
                .schedule(WebhookDeliveryIT.FAST)
                .breaker(3, pause, pause)
                .receivers(states)
                .poll(Duration.ofMillis(25))
                .build();
    }

    @Test
    void aPausedReceiverStaysPausedAfterARestart() throws Exception {
        String outboxIndex = TestElasticsearch.uniqueIndex("pause-it-outbox");
        String statesIndex = TestElasticsearch.uniqueIndex("pause-it-receivers");
        try (WebhookReceiver receiver = new WebhookReceiver(WebhookDeliveryIT.SECRET, n -> WebhookReceiver.Answer.ERROR).start(0)) {
            Outbox outbox = ElasticsearchOutbox.create(TestElasticsearch.client(), outboxIndex);
            List<Delivery> failing = WebhookDeliveryIT.enqueue(outbox, receiver.url(), 3);
            try (DeliveryDispatcher before = dispatcher(outbox, ElasticsearchReceiverStates.create(TestElasticsearch.client(), statesIndex),
                    Duration.ofHours(1))) {
                before.runOnce();
            }
            assertEquals(3, receiver.requests(), "three failures in a row pause the receiver");
            Instant pausedUntil = ElasticsearchReceiverStates.create(TestElasticsearch.client(), statesIndex)
                    .get(receiver.url()).orElseThrow().pausedUntil();
            assertTrue(pausedUntil.isAfter(Instant.now().plus(Duration.ofMinutes(59))), "paused for the hour: " + pausedUntil);

            // the service restarts: a new sender, a new event due now for the same receiver
            AlertEvent fresh = WebhookDeliveryIT.event(100);
            Delivery next = Delivery.pending(fresh, 0, new WebhookTarget(receiver.url(), "json"), WebhookPayloads.render(fresh, "json"));
            outbox.add(List.of(next));
            try (DeliveryDispatcher after = dispatcher(ElasticsearchOutbox.create(TestElasticsearch.client(), outboxIndex),
                    ElasticsearchReceiverStates.create(TestElasticsearch.client(), statesIndex), Duration.ofHours(1))) {
                after.runOnce();
            }
            assertEquals(3, receiver.requests(), "the restarted sender does not call the paused receiver");
            Delivery waiting = outbox.forEvent(fresh.id()).getFirst();
            assertEquals(DeliveryState.PAUSED, waiting.state());
            assertEquals(0, waiting.attempts());
            assertEquals(pausedUntil, waiting.nextAttemptAt(), "it waits for the end of the stored pause");
            assertEquals(3, failing.size());
        }
    }

    @Test
    void aReceiverIsCalledAgainWhenItsStoredPauseEndsAndASuccessClearsIt() throws Exception {
        String outboxIndex = TestElasticsearch.uniqueIndex("pause-it-outbox");
        String statesIndex = TestElasticsearch.uniqueIndex("pause-it-receivers");
        try (WebhookReceiver receiver = new WebhookReceiver(WebhookDeliveryIT.SECRET,
                n -> n == 1 ? WebhookReceiver.Answer.ERROR : WebhookReceiver.Answer.OK).start(0)) {
            Outbox outbox = ElasticsearchOutbox.create(TestElasticsearch.client(), outboxIndex);
            ReceiverStates states = ElasticsearchReceiverStates.create(TestElasticsearch.client(), statesIndex);
            List<Delivery> sent = WebhookDeliveryIT.enqueue(outbox, receiver.url(), 3);
            try (DeliveryDispatcher before = dispatcher(outbox, states, Duration.ofMillis(300))) {
                before.runOnce();
            }
            assertTrue(states.get(receiver.url()).orElseThrow().pausedUntil() != null, "paused after three failures");

            try (DeliveryDispatcher after = dispatcher(outbox, ElasticsearchReceiverStates.create(TestElasticsearch.client(), statesIndex),
                    Duration.ofMillis(300)).start()) {
                WebhookDeliveryIT.await(() -> WebhookDeliveryIT.allDelivered(outbox, sent));
            }
            assertTrue(WebhookDeliveryIT.allDelivered(outbox, sent));
            assertEquals(6, receiver.requests(), "each event: one 500, then one 200 after the pause");
            assertTrue(states.get(receiver.url()).isEmpty(), "a success clears the stored failures");
        }
    }
}
