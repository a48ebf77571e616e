package dev.shenava.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shenava.store.Mention;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Brands with an advanced query, through the real server and a real Elasticsearch node: the query decides
 * which imported posts are stored under the brand, and the same query typed into search finds the same set.
 */
class BrandQueryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String SNAPP_QUERY = "(snapp OR اسنپ OR سناب) NEAR/5 (late OR دیر OR تاخیر) -title:sponsored";
    private static final String TAPSI_QUERY = "(tapsi OR تپسی) lang:fa";
    private static ShenavaRuntime runtime;
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        runtime = TestRuntimes.create(Files.createTempDirectory("shenava-brand-query-it"),
                Map.of("server.port", "0", "server.host", "127.0.0.1"));
        server = ShenavaServer.start(runtime);
        for (String brand : new String[] {
                "{\"id\":\"snapp\",\"terms\":[\"snapp\",\"اسنپ\"],\"excludes\":[\"استخدام\"],\"query\":\"" + SNAPP_QUERY
                        + "\"}",
                "{\"id\":\"tapsi\",\"terms\":[\"tapsi\"],\"query\":\"" + TAPSI_QUERY + "\"}",
                "{\"id\":\"feed\",\"terms\":[\"feed-only-term\"]}"}) {
            HttpResponse<String> r = send("POST", "/api/v1/brands", "application/json", brand);
            assertEquals(201, r.statusCode(), r.body());
        }
        // Every post is tagged with the plain brand "feed", so all are stored and search sees them all.
        HttpResponse<String> r = send("POST", "/api/v1/mentions/import", "application/x-ndjson", String.join("\n",
                line("fa-late", "", "اسنپ امروز خیلی دیر رسید", "fa"),
                line("fa-compound", "", "راننده اسنپ\u200Cفود دیر کرد", "fa"),
                line("fa-arabic-letters", "", "توصيل سناب فيه تأخير كبير", "ar"),
                line("en-late", "", "Snapp was late again", "en"),
                line("en-far", "", "Snapp is fine, though yesterday the other app was very very very late", "en"),
                line("en-none", "", "late train and no taxi", "en"),
                line("fa-vetoed", "", "استخدام راننده اسنپ، دیر نکنید", "fa"),
                line("fa-ad", "Sponsored post", "اسنپ دیر نمی\u200Cکند", "fa"),
                line("fa-tapsi", "", "تپسی عالی بود", "fa"),
                line("en-tapsi", "", "tapsi تپسی", "en"),
                line("en-term-only", "", "snapp snapp snapp", "en")));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(11, JSON.readTree(r.body()).path("indexed").asInt(), r.body());
        runtime.store().mentions().refresh();
    }

    private static String line(String id, String title, String text, String lang) {
        return "{\"source\":\"brand-query\",\"nativeId\":\"" + id + "\",\"title\":\"" + title + "\",\"text\":\"" + text
                + "\",\"publishedAt\":\"2026-01-05T10:00:00Z\",\"lang\":\"" + lang + "\",\"brands\":[\"feed\"]}";
    }

    @AfterAll
    static void stop() {
        server.stop();
        runtime.close();
    }

    private static HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Set<String> ids(String params) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/v1/mentions?source=brand-query&from=2000-01-01&size=200&" + params)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Set<String> ids = new TreeSet<>();
        for (JsonNode m : JSON.readTree(r.body()).path("items")) {
            ids.add(m.path("nativeId").asText());
        }
        return ids;
    }

    private static String q(String query) {
        return "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void storesUnderTheBrandExactlyWhatTheSameQueryFindsInSearch() throws Exception {
        assertEquals(11, ids("").size());
        Set<String> snapp = ids("brand=snapp");
        assertEquals(Set.of("en-late", "fa-arabic-letters", "fa-late"), snapp);
        Set<String> searched = ids(q(SNAPP_QUERY));
        // The exclude vetoes a post the query alone finds; everything else agrees.
        assertTrue(searched.remove("fa-vetoed"), "search finds the vetoed post: " + searched);
        assertEquals(snapp, searched);
        assertEquals(Set.of("fa-tapsi"), ids("brand=tapsi"));
        assertEquals(ids("brand=tapsi"), ids(q(TAPSI_QUERY)));
    }

    @Test
    void refusesABrandQueryOnFieldsAPostDoesNotHaveWithTheColumn() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/brands", "application/json",
                "{\"id\":\"bad\",\"terms\":[\"bad\"],\"query\":\"bad sentiment:negative\"}");
        assertEquals(400, r.statusCode(), r.body());
        String message = JSON.readTree(r.body()).path("message").asText();
        assertTrue(message.contains("'sentiment:'") && message.contains("column 5"), message);
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/v1/brands/bad")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void appliesAChangedQueryToTheNextPostsWithoutARestart() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/brands", "application/json",
                "{\"id\":\"cab\",\"terms\":[\"cab\"],\"query\":\"\\\"blue cab\\\"\"}");
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(Set.of("cab"), later("before", "The blue cab came on time; a green cab did not"));
        assertEquals(Set.of(), later("before-green", "A green cab came on time"));
        r = send("PUT", "/api/v1/brands/cab", "application/json",
                "{\"id\":\"cab\",\"terms\":[\"cab\"],\"query\":\"\\\"green cab\\\" -blue\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Set.of("cab"), later("after-green", "A green cab came on time"));
        assertEquals(Set.of(), later("after-both", "The blue cab came on time; a green cab did not"));
    }

    /** Imports one post tagged with the plain brand and returns the other brands it was stored under. */
    private static Set<String> later(String id, String text) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/mentions/import", "application/x-ndjson",
                line(id, "", text, "en").replace("\"brand-query\"", "\"brand-query-later\""));
        assertEquals(200, r.statusCode(), r.body());
        Set<String> brands = new TreeSet<>(runtime.store().mentions().byId(Mention.idOf("brand-query-later", id))
                .orElseThrow().brands());
        brands.remove("feed");
        return brands;
    }
}
