package dev.shenava.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shenava.store.Mention;
import dev.shenava.store.MentionJournal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports JSON Lines and CSV files of posts through the {@link IngestPipeline}. A bad record is
 * reported with its line number and never stops the import.
 */
final class Importer implements AutoCloseable {

    /** File formats. */
    enum Format {
        JSONL, CSV;

        static Format of(String fileName) {
            String n = fileName.toLowerCase(Locale.ROOT);
            if (n.endsWith(".csv")) {
                return CSV;
            }
            if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
                return JSONL;
            }
            throw new IllegalArgumentException(fileName + ": unknown format; name it .jsonl (JSON Lines) or .csv");
        }
    }

    private static final int BATCH = 256;

    private final IngestPipeline pipeline;
    private final ImportProgress progress;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService analysers;
    private final Map<String, long[]> lineOfId = new ConcurrentHashMap<>();
    private final List<ImportSummary.Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> fileOfId = new ConcurrentHashMap<>();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refusedByStore = new AtomicLong();
    private final Runnable unsubscribe;

    Importer(IngestPipeline pipeline, ImportProgress progress) {
        this.pipeline = pipeline;
        this.progress = progress;
        this.analysers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        this.unsubscribe = pipeline.journal().onRejected(e -> {
            long[] line = lineOfId.get(e.id());
            if (line != null) {
                refusedByStore.incrementAndGet();
                rejections.add(new ImportSummary.Rejection(fileOfId.getOrDefault(e.id(), "?"), line[0],
                        "Elasticsearch refused it: " + e.reason()));
            }
        });
    }

    /**
     * Imports files one after the other, then waits until Elasticsearch has every accepted record.
     *
     * @param files the files
     * @return the summary
     */
    ImportSummary importFiles(List<Path> files) {
        progress.totalBytes(files.stream().mapToLong(Importer::size).sum());
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                importStream(f.toString(), progress.counting(in), Format.of(f.getFileName().toString()));
            } catch (IOException | IllegalArgumentException e) {
                rejections.add(new ImportSummary.Rejection(f.toString(), 0, "cannot read the file: " + e.getMessage()));
            }
        }
        return finish();
    }

    /**
     * Imports one stream (a file or an HTTP body).
     *
     * @param name   name used in rejections
     * @param in     the content, UTF-8
     * @param format its format
     */
    void importStream(String name, InputStream in, Format format) throws IOException {
        ImportLines lines = new ImportLines(in);
        List<Numbered> batch = new ArrayList<>(BATCH);
        Instant now = Instant.now();
        if (format == Format.JSONL) {
            for (ImportLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.problem() == null && line.text().isBlank()) {
                    continue;
                }
                read.incrementAndGet();
                if (line.problem() != null) {
                    reject(name, line.number(), line.problem());
                    continue;
                }
                try {
                    JsonNode node = json.readTree(line.text());
                    batch.add(new Numbered(line.number(), ImportRecord.fromJson(node, now)));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    reject(name, line.number(), "not valid JSON: " + e.getOriginalMessage());
                } catch (IllegalArgumentException e) {
                    reject(name, line.number(), e.getMessage());
                }
                batch = flushIfFull(name, batch);
            }
        } else {
            CsvRecords csv = new CsvRecords(lines);
            List<String> header;
            try {
                CsvRecords.Row head = csv.next();
                if (head == null) {
                    return;
                }
                header = ImportRecord.header(head.fields());
            } catch (CsvRecords.BadRecord e) {
                reject(name, e.line(), "the header cannot be read: " + e.getMessage());
                return;
            } catch (IllegalArgumentException e) {
                reject(name, 1, e.getMessage());
                return;
            }
            csv.expectFields(header.size());
            while (true) {
                CsvRecords.Row row;
                try {
                    row = csv.next();
                } catch (CsvRecords.BadRecord e) {
                    read.incrementAndGet();
                    reject(name, e.line(), e.getMessage());
                    continue;
                }
                if (row == null) {
                    break;
                }
                read.incrementAndGet();
                try {
                    batch.add(new Numbered(row.line(), ImportRecord.fromCsv(header, row.fields(), now)));
                } catch (IllegalArgumentException e) {
                    reject(name, row.line(), e.getMessage());
                }
                batch = flushIfFull(name, batch);
            }
        }
        flush(name, batch);
    }

    private List<Numbered> flushIfFull(String name, List<Numbered> batch) {
        if (batch.size() < BATCH) {
            return batch;
        }
        flush(name, batch);
        return new ArrayList<>(BATCH);
    }

    private void flush(String name, List<Numbered> batch) {
        List<Future<Mention>> analysed = new ArrayList<>(batch.size());
        for (Numbered n : batch) {
            analysed.add(analysers.submit(() -> analyse(name, n)));
        }
        List<Mention> mentions = new ArrayList<>(batch.size());
        for (Future<Mention> f : analysed) {
            try {
                Mention m = f.get();
                if (m != null) {
                    mentions.add(m);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("analysis failed: " + e.getCause(), e.getCause());
            }
        }
        pipeline.accept(mentions);
        accepted.addAndGet(mentions.size());
        progress.update(read.get(), rejections.size(), pipeline.journal().pending());
    }

    private Mention analyse(String name, Numbered n) {
        ImportRecord r = n.record();
        for (String b : r.brands()) {
            if (!pipeline.brandIds().contains(b)) {
                reject(name, n.line(), "unknown brand '" + b + "'; configured brands: " + pipeline.brandIds().stream().sorted().toList());
                return null;
            }
        }
        var mention = pipeline.mention(r.post(), r.brands(), r.lang());
        if (mention.isEmpty()) {
            reject(name, n.line(), "mentions none of the configured brands " + pipeline.brandIds().stream().sorted().toList()
                    + "; add a 'brands' field or configure the brand");
            return null;
        }
        Mention m = mention.get();
        lineOfId.put(m.id(), new long[] {n.line()});
        fileOfId.put(m.id(), name);
        return m;
    }

    private void reject(String name, long line, String reason) {
        rejections.add(new ImportSummary.Rejection(name, line, reason));
    }

    /**
     * Waits until the journal has handed everything to Elasticsearch and sums up.
     *
     * @return the summary
     */
    ImportSummary finish() {
        MentionJournal journal = pipeline.journal();
        while (!journal.awaitDrained(Duration.ofMillis(500))) {
            progress.waiting(journal.pending(), journal.lastError());
        }
        progress.done();
        List<ImportSummary.Rejection> sorted = new ArrayList<>(rejections);
        sorted.sort(Comparator.comparing(ImportSummary.Rejection::file).thenComparingLong(ImportSummary.Rejection::line));
        long indexed = accepted.get() - refusedByStore.get();
        return new ImportSummary(read.get(), indexed, read.get() - indexed, sorted);
    }

    @Override
    public void close() {
        analysers.shutdown();
        unsubscribe.run();
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    private record Numbered(long line, ImportRecord record) {
    }
}
