package dev.shenava.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shenava.store.Mention;
import dev.shenava.store.MentionExport;
import dev.shenava.store.MentionFilter;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/v1/mentions/export?format=csv|jsonl}: streams every mention matching the filters,
 * newest first. Register it before the mention routes so that {@code export} is not read as an id.
 */
public final class ExportRoutes implements HttpService {

    private final MentionExport export;
    private final ObjectMapper json;

    /**
     * Creates the routes.
     *
     * @param export the export over the mention index
     * @param json   the mapper that writes mentions in their API shape
     */
    public ExportRoutes(MentionExport export, ObjectMapper json) {
        this.export = export;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/export", this::export);
    }

    private void export(ServerRequest req, ServerResponse res) {
        String format = req.query().first("format").orElse("jsonl").strip();
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw ApiException.badRequest("format must be csv or jsonl, was '" + MentionParams.shorten(format) + "'");
        }
        MentionFilter filter = MentionParams.filter(req.query());
        boolean csv = format.equals("csv");
        res.headers().contentType(HttpMediaType.create(csv ? "text/csv; charset=UTF-8" : "application/x-ndjson"));
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"mentions." + format + "\"");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(res.outputStream(), StandardCharsets.UTF_8), 64 * 1024)) {
            if (csv) {
                out.write(MentionCsv.HEADER);
            }
            export.forEach(filter, m -> write(out, m, csv));
        } catch (IOException e) {
            throw new UncheckedIOException("export stopped: " + e.getMessage(), e);
        }
    }

    private void write(Writer out, Mention m, boolean csv) {
        try {
            if (csv) {
                out.write(MentionCsv.row(m));
            } else {
                out.write(json.writeValueAsString(m));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("export stopped: " + e.getMessage(), e);
        }
    }
}
