package dev.shenava.api;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/mentions/import}: the import command over HTTP. The body is JSON Lines
 * ({@code application/x-ndjson}) or CSV ({@code text/csv}) in the command's format; the answer
 * counts what was read, indexed and rejected, with each rejection's line and reason.
 */
final class ImportRoutes implements HttpService {

    private final IngestPipeline pipeline;

    ImportRoutes(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * The answer.
     *
     * @param read     records read
     * @param indexed  records written
     * @param rejected records refused
     * @param errors   each refusal with its 1-based line
     */
    record Result(long read, long indexed, long rejected, List<Error> errors) {
    }

    /**
     * One refused record.
     *
     * @param line   1-based line in the body
     * @param reason why
     */
    record Error(long line, String reason) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/import", this::importBody);
    }

    private void importBody(ServerRequest req, ServerResponse res) {
        Importer.Format format = format(req.headers().first(HeaderNames.CONTENT_TYPE).orElse(""));
        Importer importer = new Importer(pipeline, ImportProgress.silent());
        try {
            importer.importStream("body", req.content().inputStream(), format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the body: " + e.getMessage(), e);
        }
        ImportSummary summary = importer.finish();
        res.send(new Result(summary.read(), summary.indexed(), summary.rejected(),
                summary.errors().stream().map(e -> new Error(e.line(), e.reason())).toList()));
    }

    private static Importer.Format format(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return Importer.Format.CSV;
        }
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")
                || type.startsWith("application/json")) {
            return Importer.Format.JSONL;
        }
        throw new BadRequestException("send JSON Lines as application/x-ndjson or CSV as text/csv, not '"
                + MentionParams.shorten(contentType) + "'");
    }
}
