package dev.shenava.api;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/openapi.yaml}: the hand-written OpenAPI 3.1 document of the API.
 */
public final class OpenApiRoutes implements HttpService {

    private final byte[] document;

    /**
     * Loads the document from the class path.
     */
    public OpenApiRoutes() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the class path");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read openapi.yaml", e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::document);
    }

    private void document(ServerRequest req, ServerResponse res) {
        res.headers().contentType(MediaTypes.APPLICATION_YAML);
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.send(document);
    }
}
