package dev.shenava.api;

import dev.shenava.nlp.Brand;
import dev.shenava.store.EmbeddedElasticsearch;
import dev.shenava.store.MentionFilter;
import dev.shenava.store.TestElasticsearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportIT {

    private static final Brand ACME = new Brand("acme", "Acme", List.of("acme", "اکمه"), List.of(), List.of());

    @Test
    void importsEveryRecordOnceWhileElasticsearchIsKilledAndRestarted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("posts.jsonl");
        List<String> lines = new ArrayList<>();
        Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            lines.add("{\"source\":\"bulk-feed\",\"sourceKind\":\"rss\",\"nativeId\":\"n" + i + "\",\"url\":\"https://news.example.org/a/" + i
                    + "\",\"text\":\"acme order " + i + " arrived\",\"publishedAt\":\"" + t0.plusSeconds(i * 60L) + "\",\"likes\":" + (i % 7) + "}");
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        EmbeddedElasticsearch node = TestElasticsearch.node();
        try (ShenavaRuntime runtime = TestRuntimes.create(dir.resolve("data"), Map.of())) {
            runtime.register(List.of(ACME));
            AtomicLong writtenAtKill = new AtomicLong(-1);
            Thread killer = Thread.ofPlatform().start(() -> {
                while (runtime.journal().written() < 2_000) {
                    Thread.onSpinWait();
                }
                writtenAtKill.set(runtime.journal().written());
                node.kill();
                node.start();
            });
            ImportSummary summary = new Importer(runtime.pipeline(), ImportProgress.silent()).importFiles(List.of(file));
            killer.join();
            System.out.printf("kill -9 import: killed the node after %,d of 10,000 written; read %,d, indexed %,d, rejected %,d%n",
                    writtenAtKill.get(), summary.read(), summary.indexed(), summary.rejected());
            assertTrue(writtenAtKill.get() < 10_000, "the node died mid-import");
            assertEquals(new ImportSummary(10_000, 10_000, 0, List.of()), summary);
            runtime.store().mentions().refresh();
            assertEquals(10_000, runtime.store().mentions().count(MentionFilter.ALL));
        }
    }

    @Test
    void reportsEachBrokenLineWithItsNumberAndImportsTheRest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"source\":\"f\",\"nativeId\":\"1\",\"text\":\"acme is great\",\"publishedAt\":\"2026-02-01T10:00:00Z\",\"lang\":\"en\"}",
                "{\"source\":\"f\",\"nativeId\":\"2\",\"text\":\"acme again\",\"publishedAt\":\"yesterday\"}",
                "this is not json",
                "",
                "{\"nativeId\":\"4\",\"text\":\"acme\",\"publishedAt\":\"2026-02-01\"}",
                "{\"source\":\"f\",\"nativeId\":\"5\",\"text\":\"nothing relevant\",\"publishedAt\":\"2026-02-01\"}",
                "{\"source\":\"f\",\"nativeId\":\"6\",\"text\":\"سفارش اکمه دیر رسید\",\"publishedAt\":\"2026-02-02T08:00:00+03:30\",\"likes\":\"-3\"}",
                "{\"source\":\"f\",\"sourceKind\":\"telegram\",\"nativeId\":\"7\",\"text\":\"سفارش اکمه دیر رسید\",\"publishedAt\":\"2026-02-02T08:00:00+03:30\",\"lang\":\"fa\"}",
                ""), StandardCharsets.UTF_8);
        try (ShenavaRuntime runtime = TestRuntimes.create(dir.resolve("data"), Map.of())) {
            runtime.register(List.of(ACME));
            ImportSummary s = new Importer(runtime.pipeline(), ImportProgress.silent()).importFiles(List.of(file));
            assertEquals(7, s.read());
            assertEquals(2, s.indexed());
            assertEquals(5, s.rejected());
            assertEquals(List.of(2L, 3L, 5L, 6L, 7L), s.errors().stream().map(ImportSummary.Rejection::line).toList());
            assertTrue(s.errors().get(0).reason().contains("publishedAt"), s.errors().get(0).reason());
            assertTrue(s.errors().get(1).reason().startsWith("not valid JSON"), s.errors().get(1).reason());
            assertTrue(s.errors().get(2).reason().contains("missing 'source'"), s.errors().get(2).reason());
            assertTrue(s.errors().get(3).reason().contains("mentions none of the configured brands"), s.errors().get(3).reason());
            assertTrue(s.errors().get(4).reason().contains("'likes'"), s.errors().get(4).reason());
            runtime.store().mentions().refresh();
            assertEquals(1, runtime.store().mentions().count(MentionFilter.ALL.withLangs(List.of("fa"))));
        }
    }

    @Test
    void importsCsvWithQuotedFieldsSpanningLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("posts.csv");
        Files.writeString(file, """
                source,sourceKind,nativeId,url,author,text,publishedAt,likes,brands
                forum,web,a1,https://forum.example.org/t/1,@neda,"Acme said ""sorry"",
                then nothing happened",2026-02-03T09:00:00Z,4,acme
                forum,web,a2,https://forum.example.org/t/2,@omid,"no brand here, but tagged",2026-02-03T10:00:00Z,,acme
                forum,web,a3,https://forum.example.org/t/3,@omid,acme,2026-02-03T10:00:00Z,2,"acme,nobody"
                forum,web,a4,https://forum.example.org/t/4,@omid,"acme"
                """, StandardCharsets.UTF_8);
        try (ShenavaRuntime runtime = TestRuntimes.create(dir.resolve("data"), Map.of())) {
            runtime.register(List.of(ACME));
            ImportSummary s = new Importer(runtime.pipeline(), ImportProgress.silent()).importFiles(List.of(file));
            assertEquals(4, s.read());
            assertEquals(2, s.indexed());
            assertEquals(List.of(5L, 6L), s.errors().stream().map(ImportSummary.Rejection::line).toList());
            assertTrue(s.errors().get(0).reason().contains("unknown brand 'nobody'"), s.errors().get(0).reason());
            var m = runtime.store().mentions().byId(dev.shenava.store.Mention.idOf("forum", "a1")).orElseThrow();
            assertEquals("Acme said \"sorry\",\nthen nothing happened", m.text());
            assertEquals(4, m.engagement().likes());
            assertEquals("forum.example.org", m.site());
        }
    }
}
