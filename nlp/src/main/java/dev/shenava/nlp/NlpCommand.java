package dev.shenava.nlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nlp}: analyse a text, train the sentiment models, evaluate them on a labelled file.
 */
@Command(name = "nlp", description = "Text analysis: analyse, train and evaluate sentiment models.", mixinStandardHelpOptions = true,
        subcommands = {NlpCommand.Analyze.class, NlpCommand.Train.class, NlpCommand.Eval.class})
public final class NlpCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The JSON form of an {@link Analysis}: camelCase fields, lower-case labels. */
    static ObjectMapper json() {
        SimpleModule labels = new SimpleModule();
        labels.addSerializer(Sentiment.class, new com.fasterxml.jackson.databind.JsonSerializer<>() {
            @Override
            public void serialize(Sentiment v, com.fasterxml.jackson.core.JsonGenerator g,
                                  com.fasterxml.jackson.databind.SerializerProvider p) throws IOException {
                g.writeString(v.id());
            }
        });
        labels.addSerializer(Touchpoint.class, new com.fasterxml.jackson.databind.JsonSerializer<>() {
            @Override
            public void serialize(Touchpoint v, com.fasterxml.jackson.core.JsonGenerator g,
                                  com.fasterxml.jackson.databind.SerializerProvider p) throws IOException {
                g.writeString(v.id());
            }
        });
        return new ObjectMapper().registerModule(labels).enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** {@code nlp analyze TEXT}. */
    @Command(name = "analyze", description = "Analyse a text and print the analysis as JSON.", mixinStandardHelpOptions = true)
    static final class Analyze implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The text (several words are joined with spaces).")
        List<String> words;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Analysis a = TextAnalyzer.create().analyze(String.join(" ", words));
            spec.commandLine().getOut().println(json().writeValueAsString(a));
            return 0;
        }
    }

    /** {@code nlp train}. */
    @Command(name = "train", description = "Train sentiment models from label<TAB>text files and print validation figures.",
            mixinStandardHelpOptions = true)
    static final class Train implements Callable<Integer> {
        @Option(names = "--data", description = "Folder with one sub-folder of *.tsv per language (default: ${DEFAULT-VALUE}).",
                defaultValue = "../shared/datasets/sentiment")
        Path data;
        @Option(names = "--lang", description = "fa, ar or en; all three when omitted.")
        String lang;
        @Option(names = "--out", description = "Where to write sentiment-<lang>.bin (default: ${DEFAULT-VALUE}).",
                defaultValue = "nlp/src/main/resources/models")
        Path out;
        @Option(names = "--epochs", description = "Maximum epochs (default: ${DEFAULT-VALUE}).", defaultValue = "12")
        int epochs;
        @Option(names = "--bits", description = "log2 of the hashed feature space (default: ${DEFAULT-VALUE}).", defaultValue = "20")
        int bits;
        @Option(names = "--rate", description = "Learning rate (default: ${DEFAULT-VALUE}).", defaultValue = "0.08")
        double rate;
        @Option(names = "--l2", description = "L2 penalty (default: ${DEFAULT-VALUE}).", defaultValue = "1e-6")
        double l2;
        @Option(names = "--cross-word", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Char n-grams across word boundaries (default: ${DEFAULT-VALUE}).")
        boolean crossWord;
        @Option(names = "--file-weight", description = "Exponent of a file's size in its weight (default: ${DEFAULT-VALUE}).",
                defaultValue = "0.5")
        double fileWeight;
        @Option(names = "--trigrams", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Word trigrams besides uni- and bigrams (default: ${DEFAULT-VALUE}).")
        boolean trigrams;
        @Option(names = "--nb", description = "Smoothing of naive-Bayes log-count ratios scaling the features (NB-LR); "
                + "0 = plain logistic regression (default: ${DEFAULT-VALUE}).", defaultValue = "1")
        double nb;
        @Option(names = "--balance", description = "Exponent of the class balancing inside each file, 0 to 1 "
                + "(default: ${DEFAULT-VALUE}).", defaultValue = "1")
        double balance;
        @Option(names = "--sweep", description = "Instead of writing models, compare settings, e.g. "
                + "'rate=0.03,l2=1e-5;rate=0.2' (keys: rate, l2, fw, epochs, nb, balance).", split = ";")
        List<String> sweep;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            java.io.PrintStream log = new java.io.PrintStream(System.out, true, StandardCharsets.UTF_8);
            data = fromHome(data);
            this.out = fromHome(this.out);
            SentimentTrainer.Settings s = new SentimentTrainer.Settings(bits, epochs, rate, l2, 0.1, fileWeight, 42, crossWord, trigrams, nb, balance);
            if (sweep != null) {
                for (String l : lang == null ? List.of("fa", "ar", "en") : List.of(lang)) {
                    SentimentTrainer trainer = new SentimentTrainer(s, log);
                    SentimentTrainer.Prepared data = trainer.prepare(l, SentimentTrainer.read(data().resolve(l)));
                    trainer.sweep(data, sweep.stream().map(this::settings).toList());
                }
                return 0;
            }
            for (String l : lang == null ? List.of("fa", "ar", "en") : List.of(lang)) {
                if (!Files.isDirectory(data.resolve(l))) {
                    spec.commandLine().getErr().println("nlp train: no folder " + data.resolve(l) + " with label<TAB>text *.tsv files");
                    return 2;
                }
                long t0 = System.nanoTime();
                SentimentModel model = new SentimentTrainer(s, log).train(l, SentimentTrainer.read(data.resolve(l)));
                Path file = this.out.resolve("sentiment-" + l + ".bin");
                model.save(file);
                out.printf(Locale.ROOT, "%s: wrote %s (%.1f MB) in %.0f s%n", l, file, size(file) / 1e6, (System.nanoTime() - t0) / 1e9);
                out.flush();
            }
            return 0;
        }

        private SentimentTrainer.Settings settings(String spec) {
            java.util.Map<String, Double> v = new java.util.HashMap<>(java.util.Map.of("rate", rate, "l2", l2, "fw", fileWeight,
                    "epochs", (double) epochs, "nb", nb, "balance", balance));
            for (String kv : spec.split(",")) {
                String[] p = kv.split("=", 2);
                v.put(p[0].strip(), Double.parseDouble(p[1].strip()));
            }
            return new SentimentTrainer.Settings(bits, v.get("epochs").intValue(), v.get("rate"), v.get("l2"), 0.1, v.get("fw"), 42,
                    crossWord, trigrams, v.get("nb"), v.get("balance"));
        }

        /** A relative default that does not exist here is taken from the installation folder. */
        private static Path fromHome(Path p) {
            String home = System.getProperty("shenava.home");
            return home == null || p.isAbsolute() || Files.exists(p) || !Files.isDirectory(Path.of(home).resolve(p).getParent())
                    ? p : Path.of(home).resolve(p);
        }

        private Path data() {
            return data;
        }

        private static long size(Path f) {
            try {
                return Files.size(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code nlp eval}. */
    @Command(name = "eval", description = "Evaluate a sentiment model on a label<TAB>text file.", mixinStandardHelpOptions = true)
    static final class Eval implements Callable<Integer> {
        @Option(names = "--lang", required = true, description = "fa, ar or en.")
        String lang;
        @Option(names = "--binary", description = "Drop neutral rows and force positive/negative predictions.")
        boolean binary;
        @Option(names = "--model", description = "A model file instead of the bundled one.")
        Path model;
        @Parameters(paramLabel = "FILE.tsv", description = "label<TAB>text rows.")
        Path file;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            java.util.Optional<SentimentModel> found = model != null ? java.util.Optional.of(SentimentModel.load(model))
                    : SentimentModel.bundled(lang);
            if (found.isEmpty()) {
                spec.commandLine().getErr().println("nlp eval: no sentiment model for language '" + lang + "'; there are fa, ar and en");
                return 2;
            }
            SentimentModel m = found.get();
            List<Sentiment> gold = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            int skipped = 0;
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println("nlp eval: cannot read " + file + " (" + e + ")");
                return 2;
            }
            for (String line : lines) {
                int tab = line.indexOf('\t');
                Sentiment label = tab > 0 ? parse(line.substring(0, tab)) : null;
                if (label == null || !m.classes().contains(label) || binary && label == Sentiment.NEUTRAL) {
                    skipped++;
                    continue;
                }
                gold.add(label);
                texts.add(line.substring(tab + 1));
            }
            long t0 = System.nanoTime();
            List<Sentiment> predicted = texts.parallelStream()
                    .map(t -> SentimentTrainer.predict(m, m.probabilities(t), binary)).toList();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Evaluation e = new Evaluation(m.classes());
            for (int i = 0; i < gold.size(); i++) {
                e.add(gold.get(i), predicted.get(i));
            }
            out.print(e.report());
            out.printf(Locale.ROOT, "skipped %d rows whose label is not among the model's classes%s%n", skipped,
                    binary ? " (neutral rows dropped by --binary)" : "");
            out.printf(Locale.ROOT, "throughput: %.0f texts/s over %.2f s%n", gold.size() / Math.max(seconds, 1e-9), seconds);
            out.printf(Locale.ROOT, "%s texts/s=%d%n", e.summary(), Math.round(gold.size() / Math.max(seconds, 1e-9)));
            return 0;
        }

        private static Sentiment parse(String label) {
            try {
                return Sentiment.parse(label);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
