package dev.shenava.alerts;

import dev.shenava.store.TestElasticsearch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two senders working one outbox in a real node: each attempt is claimed by one of them, so the
 * receiver sees every event exactly once and no request twice.
 */
class OutboxClaimIT {

    @Test
    void ofTwoSendersClaimingTheSameDeliveriesExactlyOneWinsEach() throws Exception {
        String index = TestElasticsearch.uniqueIndex("outbox-claim-it");
        Outbox one = ElasticsearchOutbox.create(TestElasticsearch.client(), index);
        Outbox two = ElasticsearchOutbox.create(TestElasticsearch.client(), index);
        WebhookDeliveryIT.enqueue(one, "https://hooks.example.com/x", 20);
        Instant now = Instant.now().plusSeconds(1);
        List<Delivery> seenByOne = one.due(now, 100);
        List<Delivery> seenByTwo = two.due(now, 100);
        assertEquals(20, seenByOne.size());
        assertEquals(20, seenByTwo.size());

        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            CountDownLatch go = new CountDownLatch(1);
            Future<Long> wonByOne = pool.submit(() -> {
                go.await();
                return seenByOne.stream().filter(d -> one.claim(d, now, Duration.ofMinutes(5)).isPresent()).count();
            });
            Future<Long> wonByTwo = pool.submit(() -> {
                go.await();
                return seenByTwo.stream().filter(d -> two.claim(d, now, Duration.ofMinutes(5)).isPresent()).count();
            });
            go.countDown();
            assertEquals(20, wonByOne.get(60, TimeUnit.SECONDS) + wonByTwo.get(60, TimeUnit.SECONDS),
                    "each delivery is claimed exactly once");
        }
        assertTrue(one.claim(seenByOne.getFirst(), now, Duration.ofMinutes(5)).isEmpty(), "a held delivery is not claimed again");
        assertTrue(two.claim(seenByOne.getFirst(), now.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5)).isPresent(),
                "a lease that ran out without an attempt (a sender that died) is taken over");
    }

    @Test
    void twoRunningSendersOnOneOutboxDeliverEachEventOnce() throws Exception {
        String index = TestElasticsearch.uniqueIndex("outbox-claim-it");
        try (WebhookReceiver receiver = new WebhookReceiver(WebhookDeliveryIT.SECRET, n -> WebhookReceiver.Answer.OK).start(0)) {
            Outbox one = ElasticsearchOutbox.create(TestElasticsearch.client(), index);
            Outbox two = ElasticsearchOutbox.create(TestElasticsearch.client(), index);
            List<Delivery> sent = WebhookDeliveryIT.enqueue(one, receiver.url(), 30);
            try (DeliveryDispatcher a = OutboxRestartIT.dispatcher(one).start();
                 DeliveryDispatcher b = OutboxRestartIT.dispatcher(two).start()) {
                WebhookDeliveryIT.await(() -> WebhookDeliveryIT.allDelivered(one, sent));
                Thread.sleep(200); // a few more polls of both: nothing is sent again
            }

            assertTrue(WebhookDeliveryIT.allDelivered(one, sent));
            assertTrue(receiver.badSignatures.isEmpty());
            assertEquals(30, receiver.accepted().size());
            receiver.accepted().forEach((id, times) -> assertEquals(1, times, id + " delivered once"));
            assertEquals(30, receiver.requests(), "no attempt was made by both senders");
            for (Delivery d : sent) {
                assertEquals(1, one.forEvent(d.eventId()).getFirst().attempts(), d.id() + " took one attempt");
            }
        }
    }
}
