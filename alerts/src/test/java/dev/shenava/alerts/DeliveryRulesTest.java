package dev.shenava.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryRulesTest {

    static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void retriesBackOffExponentiallyWithJitterForMoreThanADay() {
        RetrySchedule s = RetrySchedule.DEFAULT;
        for (int attempt = 1; attempt < 12; attempt++) {
            Duration d = s.delay(attempt);
            long full = Math.min(30_000L << (attempt - 1), 3_600_000L);
            assertTrue(d.toMillis() >= full / 2 && d.toMillis() <= full, attempt + ": " + d);
        }
        assertFalse(s.exhausted(T, T.plus(Duration.ofHours(24))), "still trying after 24 hours");
        assertTrue(s.exhausted(T, T.plus(Duration.ofHours(26))));
    }

    @Test
    void aClaimedDeliveryIsHeldForItsLeaseThenFreeAgain() {
        MemoryOutbox outbox = new MemoryOutbox();
        AlertEvent e = WebhookDeliveryIT.event(1, T);
        Delivery d = Delivery.pending(e, 0, new WebhookTarget("https://hooks.example.com/x", "json"), "{}");
        outbox.add(List.of(d));
        Instant now = T.plusSeconds(1);
        assertEquals(d, outbox.claim(d, now, Duration.ofMinutes(5)).orElseThrow(), "the first claim wins");
        assertTrue(outbox.claim(d, now, Duration.ofMinutes(5)).isEmpty(), "a second claim loses");
        assertTrue(outbox.due(now.plusSeconds(60), 10).isEmpty(), "held: not due for anyone");
        assertTrue(outbox.claim(d, now.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5)).isPresent(),
                "a lease that ran out without an attempt is taken over");
        outbox.update(d.attempted(DeliveryState.DELIVERED, now, now, 200, null));
        assertTrue(outbox.claim(d, now.plus(Duration.ofHours(1)), Duration.ofMinutes(5)).isEmpty(), "delivered: never again");
    }

    @Test
    void breakerPausesAfterConsecutiveFailuresAndDoublesThePause() {
        CircuitBreaker b = new CircuitBreaker(3, Duration.ofMinutes(5), Duration.ofMinutes(15), ReceiverStates.inMemory());
        assertTrue(b.failure("r", T).isEmpty());
        assertTrue(b.failure("r", T).isEmpty());
        assertEquals(T.plus(Duration.ofMinutes(5)), b.failure("r", T).orElseThrow());
        assertTrue(b.pausedUntil("r", T.plusSeconds(60)).isPresent());
        assertEquals(T.plus(Duration.ofMinutes(20)), b.failure("r", T.plus(Duration.ofMinutes(10))).orElseThrow());
        assertEquals(T.plus(Duration.ofMinutes(35)), b.failure("r", T.plus(Duration.ofMinutes(20))).orElseThrow(), "capped at 15 minutes");
        b.success("r");
        assertTrue(b.pausedUntil("r", T).isEmpty());
        assertTrue(b.pausedUntil("other", T).isEmpty());
    }

    @Test
    void readsDurationsAsPeopleWriteThem() {
        assertEquals(Duration.ofMillis(250), AlertsConfig.parseDuration("250ms"));
        assertEquals(Duration.ofMinutes(5), AlertsConfig.parseDuration("5m"));
        assertEquals(Duration.ofDays(8), AlertsConfig.parseDuration("8d"));
        assertEquals(Duration.ofMinutes(1), AlertsConfig.parseDuration("PT1M"));
        assertThrows(IllegalArgumentException.class, () -> AlertsConfig.parseDuration("soon"));
    }

    @Test
    void rulesRefuseWhatCannotWork() {
        List<WebhookTarget> none = List.of();
        assertThrows(IllegalArgumentException.class, () -> new AlertRule("Bad Id", "snapp", Signal.NEGATIVE_SPIKE, null, 0, 10, none, true, null));
        assertThrows(IllegalArgumentException.class, () -> new AlertRule("r", "snapp", Signal.SOURCE_STALLED, null, 0, 10, none, true, null));
        assertThrows(IllegalArgumentException.class, () -> new AlertRule("r", "snapp", Signal.VOLUME_SPIKE, null, -1, 10, none, true, null));
        AlertRule r = new AlertRule("r", "snapp", Signal.parse("sentiment_drop"), null, 0, 10, none, true, "");
        assertEquals(Sensitivity.MEDIUM, r.sensitivity());
        assertFalse(r.view().secretSet(), "an empty secret is no secret");
    }

    @Test
    void jsonWebhookCarriesTheEventAndItsIdButNotDeliveries() throws Exception {
        AlertEvent e = WebhookDeliveryIT.event(1);
        JsonNode body = AlertsJson.MAPPER.readTree(WebhookPayloads.render(e, "json"));
        assertEquals(e.id(), body.get("id").asText());
        assertEquals("negative_spike", body.get("signal").asText());
        assertEquals("shenava.alert.negative_spike", body.get("type").asText());
        assertFalse(body.has("deliveries"));
        assertEquals(e.windowEnd().toString(), body.get("windowEnd").asText());
        JsonNode slack = AlertsJson.MAPPER.readTree(WebhookPayloads.render(e, "slack"));
        assertTrue(slack.toString().contains(e.id()), "the Slack message names the event id too");
    }

    @Test
    void aSourceWithoutSuccessForThreeIntervalsHasStalledOnce() throws Exception {
        SourceWatch watch = new SourceWatch(null, "unused", 3);
        JsonNode quiet = AlertsJson.MAPPER.readTree("""
                {"id": "digikala-feed", "intervalSeconds": 600, "enabled": true, "brands": ["snapp"],
                 "status": {"lastSuccess": "2026-05-01T09:00:00Z", "lastError": "HTTP 503", "state": "ok"}}""");
        var stall = watch.stall(quiet, T).orElseThrow();
        assertEquals(Signal.SOURCE_STALLED, stall.event().signal());
        assertEquals(List.of("snapp"), stall.brands());
        assertTrue(stall.event().reason().contains("HTTP 503"), stall.event().reason());
        assertEquals(stall.event().id(), watch.stall(quiet, T.plusSeconds(600)).orElseThrow().event().id(), "the same stall, the same event");
        assertTrue(watch.stall(quiet, Instant.parse("2026-05-01T09:20:00Z")).isEmpty(), "two intervals are not yet a stall");
        JsonNode failing = AlertsJson.MAPPER.readTree("""
                {"id": "x", "intervalSeconds": 600, "status": {"lastSuccess": "2026-05-01T09:55:00Z", "state": "failing"}}""");
        assertTrue(watch.stall(failing, T).isPresent());
    }
}
