package dev.shenava.api;

import dev.shenava.nlp.TextAnalyzer;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * API keys and roles through a real server.
 */
class ApiAccessIT {

    private static final String ANALYZE = "{\"text\": \"the courier was late\"}";
    private static TestServer server;

    private static Config api(Map<String, String> values) {
        return Config.just(ConfigSources.create(values)).get("api");
    }

    @BeforeAll
    static void start() {
        ApiAccess access = ApiAccess.create(api(Map.of(
                "api.keys.0.key", "viewer-secret", "api.keys.0.role", "viewer",
                "api.keys.1.key-env", "ADMIN_KEY", "api.keys.1.role", "admin")),
                "127.0.0.1", Map.of("ADMIN_KEY", "admin-secret", ApiAccess.KEYS_ENV, "analyst-secret:analyst")::get);
        server = TestServer.start(r -> r.addFilter(access)
                .register("/api/v1/openapi.yaml", new OpenApiRoutes())
                .register("/api/v1/analyze", new AnalyzeRoutes(TextAnalyzer.create())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void asksForAKeyWhenNoneIsSent() {
        var r = server.get("/api/v1/openapi.yaml");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("\"error\":\"unauthorized\""), r.body());
        assertEquals(401, server.get("/api/v1/openapi.yaml", "Authorization", "Bearer wrong").statusCode());
    }

    @Test
    void letsViewersReadButNotWrite() {
        assertEquals(200, server.get("/api/v1/openapi.yaml", "Authorization", "Bearer viewer-secret").statusCode());
        assertEquals(200, server.get("/api/v1/openapi.yaml", "X-Api-Key", "viewer-secret").statusCode());
        var r = server.send("POST", "/api/v1/analyze", "application/json", ANALYZE, "X-Api-Key", "viewer-secret");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("\"error\":\"forbidden\""), r.body());
    }

    @Test
    void letsAdminsDoEverythingAndAnalystsOnlyTheirPart() {
        assertEquals(200, server.send("POST", "/api/v1/analyze", "application/json", ANALYZE,
                "Authorization", "Bearer admin-secret").statusCode());
        assertEquals(403, server.send("POST", "/api/v1/analyze", "application/json", ANALYZE,
                "Authorization", "Bearer analyst-secret").statusCode());
        assertEquals(ApiRole.ANALYST, ApiRole.needed(io.helidon.http.Method.PATCH, "/api/v1/mentions/abc"));
        assertEquals(ApiRole.ANALYST, ApiRole.needed(io.helidon.http.Method.GET, "/api/v1/mentions/export"));
    }

    @Test
    void refusesToListenBeyondLoopbackWithoutKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiAccess.create(api(Map.of()), "0.0.0.0", Map.<String, String>of()::get));
        assertTrue(e.getMessage().startsWith("refusing to listen on 0.0.0.0 without API keys"), e.getMessage());
        assertTrue(ApiAccess.create(api(Map.of()), "127.0.0.1", Map.<String, String>of()::get).open());
        assertTrue(ApiAccess.create(api(Map.of()), "localhost", Map.<String, String>of()::get).open());
    }

    @Test
    void servesTheOpenApiDocumentAsYaml() {
        var r = server.get("/api/v1/openapi.yaml", "X-Api-Key", "viewer-secret");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        assertTrue(r.body().startsWith("openapi: 3.1.0"));
    }

    @Test
    void answersBadAnalyzeRequestsWith400() {
        var r = server.send("POST", "/api/v1/analyze", "application/json", "{\"text\": ", "X-Api-Key", "admin-secret");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(400, server.send("POST", "/api/v1/analyze", "application/json", "{}",
                "X-Api-Key", "admin-secret").statusCode());
    }
}
