package dev.shenava.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/mentions/import}: a JSON Lines ({@code application/x-ndjson}) or CSV
 * ({@code text/csv}) body through the ingest pipeline, answered once Elasticsearch has every record.
 */
final class ImportRoutes implements HttpService {

    private final IngestPipeline pipeline;
    private final Runnable imported;

    ImportRoutes(IngestPipeline pipeline) {
        this(pipeline, () -> { });
    }

    /**
     * @param pipeline the ingest pipeline
     * @param imported run after an import reached Elasticsearch, before the answer is sent
     */
    ImportRoutes(IngestPipeline pipeline, Runnable imported) {
        this.pipeline = pipeline;
        this.imported = imported;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/import", this::importBody);
    }

    /** The answer: counts and each rejected line. */
    record Answer(long read, long indexed, long rejected, List<Error> errors) {
    }

    /** A rejected line. */
    record Error(long line, String reason) {
    }

    private void importBody(ServerRequest req, ServerResponse res) throws IOException {
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("").toLowerCase(Locale.ROOT);
        Importer.Format format;
        if (type.startsWith("text/csv")) {
            format = Importer.Format.CSV;
        } else if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")
                || type.startsWith("application/json")) {
            format = Importer.Format.JSONL;
        } else {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "bad_request",
                    "send JSON Lines as application/x-ndjson or CSV as text/csv, not '" + MentionParams.shorten(type) + "'");
        }
        try (Importer importer = new Importer(pipeline, ImportProgress.silent()); InputStream body = req.content().inputStream()) {
            importer.importStream("body", body, format);
            ImportSummary s = importer.finish();
            imported.run();
            res.send(new Answer(s.read(), s.indexed(), s.rejected(),
                    s.errors().stream().map(e -> new Error(e.line(), e.reason())).toList()));
        }
    }
}
