package dev.shenava.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shenava.alerts.Alerts;
import dev.shenava.alerts.AlertsConfig;
import dev.shenava.store.Store;
import dev.shenava.store.StoreConfig;
import dev.shenava.store.TestElasticsearch;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alert rules and events through a real server on a real node.
 */
class AlertRoutesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static Alerts alerts;

    @BeforeAll
    static void start() {
        StoreConfig d = StoreConfig.defaults();
        Store store = Store.of(new StoreConfig(d.url(), d.dataDir(), d.port(), d.heap(), d.startTimeout(), d.apiKeyEnv(),
                d.usernameEnv(), d.passwordEnv(), d.caCertificate(), TestElasticsearch.uniqueIndex("routes-it") + "-mentions"),
                TestElasticsearch.client());
        alerts = Alerts.create(store, AlertsConfig.defaults(), new OkHttpClient());
        server = TestServer.start(r -> r.register("/api/v1", new AlertRoutes(alerts)));
    }

    @AfterAll
    static void stop() {
        server.close();
        alerts.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void createsReadsUpdatesAndDeletesARuleWithoutEverShowingItsSecret() throws Exception {
        String rule = """
                {"id": "snapp-complaints", "brand": "snapp", "signal": "negative_spike", "sensitivity": "high",
                 "minVolume": 5, "cooldownMinutes": 30, "secret": "top-secret",
                 "targets": [{"url": "https://hooks.example.com/shenava", "format": "slack"}]}""";
        HttpResponse<String> created = server.send("POST", "/api/v1/alert-rules", "application/json", rule);
        assertEquals(201, created.statusCode(), created.body());
        assertFalse(created.body().contains("top-secret"), created.body());
        JsonNode c = json(created);
        assertTrue(c.get("secretSet").asBoolean());
        assertEquals("negative_spike", c.get("signal").asText());
        assertEquals("high", c.get("sensitivity").asText());

        assertEquals(409, server.send("POST", "/api/v1/alert-rules", "application/json", rule).statusCode());

        HttpResponse<String> got = server.get("/api/v1/alert-rules/snapp-complaints");
        assertEquals(200, got.statusCode());
        assertFalse(got.body().contains("top-secret"));
        assertEquals("slack", json(got).get("targets").get(0).get("format").asText());

        HttpResponse<String> put = server.send("PUT", "/api/v1/alert-rules/snapp-complaints", "application/json",
                "{\"brand\": \"snapp\", \"signal\": \"volume_spike\", \"enabled\": false}");
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("volume_spike", json(put).get("signal").asText());
        assertTrue(json(put).get("secretSet").asBoolean(), "an update without a secret keeps the stored one");

        assertTrue(json(server.get("/api/v1/alert-rules")).get("items").findValuesAsText("id").contains("snapp-complaints"));
        assertEquals(204, server.send("DELETE", "/api/v1/alert-rules/snapp-complaints", "application/json", "").statusCode());
        assertEquals(404, server.get("/api/v1/alert-rules/snapp-complaints").statusCode());
    }

    @Test
    void explainsWhatToFixInABadRule() throws Exception {
        HttpResponse<String> signal = server.send("POST", "/api/v1/alert-rules", "application/json",
                "{\"brand\": \"snapp\", \"signal\": \"panic\"}");
        assertEquals(400, signal.statusCode());
        assertEquals("bad_request", json(signal).get("error").asText());
        assertTrue(json(signal).get("message").asText().contains("negative_spike"), signal.body());

        HttpResponse<String> privateTarget = server.send("POST", "/api/v1/alert-rules", "application/json",
                "{\"brand\": \"snapp\", \"signal\": \"negative_spike\", \"targets\": [{\"url\": \"http://169.254.169.254/latest\"}]}");
        assertEquals(400, privateTarget.statusCode());
        assertTrue(json(privateTarget).get("message").asText().contains("alerts.allow-private-networks"), privateTarget.body());

        HttpResponse<String> notJson = server.send("POST", "/api/v1/alert-rules", "application/json", "{brand:");
        assertEquals(400, notJson.statusCode());
        assertEquals("bad_request", json(notJson).get("error").asText());

        assertEquals(400, server.get("/api/v1/alerts?size=0").statusCode());
        assertEquals(400, server.get("/api/v1/alerts?from=yesterday").statusCode());
    }

    @Test
    void listsEventsAndFiresTestEvents() throws Exception {
        HttpResponse<String> events = server.get("/api/v1/alerts?brand=nobody&size=5");
        assertEquals(200, events.statusCode(), events.body());
        assertEquals(0, json(events).get("items").size());

        assertEquals(404, server.send("POST", "/api/v1/alert-rules/missing/test", "application/json", "").statusCode());
        server.send("POST", "/api/v1/alert-rules", "application/json",
                "{\"id\": \"t1\", \"brand\": \"snapp\", \"signal\": \"negative_spike\", \"targets\": [{\"url\": \"https://hooks.example.com/x\"}]}");
        HttpResponse<String> fired = server.send("POST", "/api/v1/alert-rules/t1/test", "application/json", "");
        assertEquals(202, fired.statusCode(), fired.body());
        JsonNode e = json(fired);
        assertTrue(e.get("id").asText().startsWith("evt-test-"));
        assertEquals("pending", e.get("deliveries").get(0).get("status").asText());
        assertEquals("https://hooks.example.com/x", e.get("deliveries").get(0).get("target").asText());
        assertTrue(e.get("test").asBoolean(), "the sample is marked as a test: " + e);

        JsonNode tests = json(server.get("/api/v1/alerts?brand=snapp&test=true")).get("items");
        assertEquals(1, tests.size(), "the test event is stored and listed: " + tests);
        assertEquals(e.get("id").asText(), tests.get(0).get("id").asText());
        assertEquals("https://hooks.example.com/x", tests.get(0).get("deliveries").get(0).get("target").asText(),
                "its delivery shows in the log");
        assertEquals(0, json(server.get("/api/v1/alerts?brand=snapp&test=false")).get("items").size(),
                "real alerts only leave it out");
        assertEquals(1, json(server.get("/api/v1/alerts?brand=snapp")).get("items").size());
        assertEquals(400, server.get("/api/v1/alerts?test=maybe").statusCode());
    }
}
