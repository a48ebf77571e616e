package dev.shenava.api;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code shenava import FILE...}: JSON Lines or CSV posts through the ingest pipeline into the store.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports posts from JSON Lines (.jsonl) or CSV (.csv) files.",
                "Fields: " + "source, sourceKind, nativeId, url, author, authorName, title, text, publishedAt,"
                        + " likes, shares, replies, views, brands, lang.",
                "Bad records are reported with their line number and skipped."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to import")
    private List<Path> files;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration overlaying the defaults")
    private Path config;

    @Override
    public Integer call() {
        for (Path f : files) {
            Importer.Format.of(f.getFileName().toString());
            if (!java.nio.file.Files.isReadable(f) || java.nio.file.Files.isDirectory(f)) {
                throw new IllegalArgumentException("cannot read " + f + "; check the path");
            }
        }
        try (ShenavaRuntime runtime = ShenavaRuntime.open(ShenavaConfig.load(Optional.ofNullable(config)), () -> { })) {
            ImportSummary s;
            try (Importer importer = new Importer(runtime.pipeline(), ImportProgress.to(System.err))) {
                s = importer.importFiles(files);
            }
            print(s);
            return s.errors().stream().anyMatch(r -> r.line() == 0) ? 1 : 0;
        }
    }

    static void print(ImportSummary s) {
        System.out.printf("read %,d, indexed %,d, rejected %,d%n", s.read(), s.indexed(), s.rejected());
        for (ImportSummary.Rejection r : s.errors()) {
            System.out.println("  " + r.file() + (r.line() > 0 ? ":" + r.line() : "") + ": " + r.reason());
        }
    }
}
