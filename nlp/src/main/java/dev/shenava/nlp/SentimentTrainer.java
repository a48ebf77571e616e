package dev.shenava.nlp;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Trains one language's sentiment model from {@code label<TAB>text} files: a seeded, stratified
 * validation split per file and label, class weights that balance each file, AdaGrad on a
 * multinomial logistic regression over features scaled by naive-Bayes log-count ratios (NB-LR),
 * and the epoch with the best mean per-file macro-F1 on the validation split kept.
 */
public final class SentimentTrainer {

    private static final List<Sentiment> CLASSES = List.of(Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE);

    private final Settings settings;
    private final PrintStream log;

    /**
     * Training settings.
     *
     * @param bits       log2 of the hashed feature space
     * @param epochs     maximum passes over the data
     * @param rate       AdaGrad learning rate
     * @param l2         L2 penalty on touched weights
     * @param validation fraction of each file and label held out for validation
     * @param fileWeight exponent of a file's size in its total weight (1 = by size, 0 = every file equal)
     * @param seed       seed of the split and the shuffles
     * @param crossWord  char n-grams across word boundaries (see {@link SentimentFeatures})
     * @param trigrams   word trigrams besides uni- and bigrams
     * @param nb         smoothing of the naive-Bayes log-count ratios that scale each feature per class
     *                   (NB-LR, Wang and Manning 2012); 0 trains plain logistic regression
     * @param balance    exponent of the class balancing inside a file (1 = every class weighs the same in total,
     *                   0 = every row the same); below 1 trades some rare-class recall for precision
     */
    public record Settings(int bits, int epochs, double rate, double l2, double validation, double fileWeight, long seed,
                           boolean crossWord, boolean trigrams, double nb, double balance) {
        /** The settings of the shipped fa model (NB-LR, word 1-3-grams); ar and en were trained with crossWord false. */
        public static Settings defaults() {
            return new Settings(20, 12, 0.08, 1e-6, 0.1, 0.5, 42, true, true, 1, 1);
        }
    }

    /** One labelled text. */
    record Row(String file, Sentiment label, String text) {
    }

    SentimentTrainer(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    /** Reads every {@code *.tsv} of a language folder. */
    static List<Row> read(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Row> rows = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".tsv", "");
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        rows.add(new Row(name, Sentiment.parse(line.substring(0, tab)), line.substring(tab + 1)));
                    }
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read training files in " + dir, e);
        }
    }

    /** Trains on the rows of a language, prints validation figures and returns the model. */
    SentimentModel train(String lang, List<Row> rows) {
        Prepared data = prepare(lang, rows);
        SentimentModel model = fit(data, settings, true);
        meanPerFile(model, data.valid(), data.vs(), log);
        return model;
    }

    /** Featurised training and validation rows of one language. */
    record Prepared(String lang, SentimentFeatures features, List<Row> train, List<Row> valid, List<SparseVector> xs,
                    List<SparseVector> vs) {
    }

    private static SentimentFeatures features(Prepared data) {
        return data.features();
    }

    Prepared prepare(String lang, List<Row> rows) {
        Random random = new Random(settings.seed());
        List<Row> train = new ArrayList<>();
        List<Row> valid = new ArrayList<>();
        split(rows, random, train, valid, settings.validation());
        log.printf(Locale.ROOT, "%s: %d training rows, %d validation rows%n", lang, train.size(), valid.size());
        SentimentFeatures features = new SentimentFeatures(settings.bits(), settings.crossWord(), settings.trigrams());
        List<SparseVector> xs = train.parallelStream().map(r -> features.extract(r.text(), lang)).toList();
        List<SparseVector> vs = valid.parallelStream().map(r -> features.extract(r.text(), lang)).toList();
        return new Prepared(lang, features, train, valid, xs, vs);
    }

    /** The validation rows that training with these settings holds out. */
    static List<Row> validationRows(List<Row> rows, Settings settings) {
        List<Row> train = new ArrayList<>();
        List<Row> valid = new ArrayList<>();
        split(rows, new Random(settings.seed()), train, valid, settings.validation());
        return valid;
    }

    /** Tries several settings on one featurisation, two at a time, and prints each one's validation figures. */
    void sweep(Prepared data, List<Settings> candidates) {
        candidates.parallelStream().forEach(s -> {
            SentimentModel m = fit(data, s, false);
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8);
            double mean = meanPerFile(m, data.valid(), data.vs(), p);
            synchronized (log) {
                log.printf(Locale.ROOT, "== %s mean=%.4f%n%s", s, mean, buf.toString(StandardCharsets.UTF_8));
            }
        });
    }

    SentimentModel fit(Prepared data, Settings s, boolean verbose) {
        String lang = data.lang();
        List<Row> train = data.train();
        List<SparseVector> xs = data.xs();
        Random random = new Random(s.seed());
        float[] weights = exampleWeights(train, s);
        int k = CLASSES.size();
        int dims = 1 << s.bits();
        float[] w = new float[dims * k];
        float[] g2 = new float[dims * k];
        float[] bias = new float[k];
        float[] bias2 = new float[k];
        float[] ratios = s.nb() > 0 ? NaiveBayesRatios.of(xs, train, weights, CLASSES, dims, (float) s.nb()) : null;
        float[] best = w.clone();
        float[] bestBias = bias.clone();
        double bestScore = -1;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            order.add(i);
        }
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                step(xs.get(i), train.get(i).label(), weights[i], ratios, w, g2, bias, bias2, s);
            }
            SentimentModel model = new SentimentModel(lang, CLASSES, features(data), NaiveBayesRatios.fold(w, ratios), bias);
            double score = meanPerFile(model, data.valid(), data.vs(), null);
            if (verbose) {
                log.printf(Locale.ROOT, "epoch %d: mean per-file validation macro-F1 %.4f%n", epoch, score);
            }
            if (score > bestScore) {
                bestScore = score;
                best = ratios == null ? w.clone() : NaiveBayesRatios.fold(w, ratios);
                bestBias = bias.clone();
            }
        }
        return new SentimentModel(lang, CLASSES, features(data), best, bestBias);
    }

    /** One AdaGrad step; with NB ratios {@code r}, class c sees feature j as {@code x[j] * r[j*k+c]}. */
    private static void step(SparseVector x, Sentiment label, float weight, float[] r, float[] w, float[] g2, float[] bias,
                             float[] bias2, Settings settings) {
        int k = CLASSES.size();
        double[] z = new double[k];
        int[] idx = x.indices();
        float[] val = x.values();
        for (int c = 0; c < k; c++) {
            z[c] = bias[c];
        }
        for (int i = 0; i < idx.length; i++) {
            for (int c = 0; c < k; c++) {
                int j = idx[i] * k + c;
                z[c] += val[i] * (r == null ? 1f : r[j]) * w[j];
            }
        }
        double[] p = SentimentModel.softmax(z);
        int gold = CLASSES.indexOf(label);
        float rate = (float) settings.rate();
        float l2 = (float) settings.l2();
        for (int c = 0; c < k; c++) {
            float err = (float) ((p[c] - (c == gold ? 1 : 0)) * weight);
            for (int i = 0; i < idx.length; i++) {
                int j = idx[i] * k + c;
                float g = err * val[i] * (r == null ? 1f : r[j]) + l2 * w[j];
                g2[j] += g * g;
                w[j] -= rate * g / (float) Math.sqrt(g2[j] + 1e-8f);
            }
            bias2[c] += err * err;
            bias[c] -= rate * err / (float) Math.sqrt(bias2[c] + 1e-8f);
        }
    }

    /**
     * Splits by distinct normalised text, so a text that occurs in several files (the tweet corpora
     * share many) lands wholly on one side; strata are the file and label of its first occurrence.
     */
    private static void split(List<Row> rows, Random random, List<Row> train, List<Row> valid, double fraction) {
        Normalizer normalizer = Normalizer.create();
        Map<String, List<Row>> byText = new LinkedHashMap<>();
        for (Row r : rows) {
            byText.computeIfAbsent(normalizer.normalize(r.text()), t -> new ArrayList<>()).add(r);
        }
        Map<String, List<List<Row>>> strata = byText.values().stream().collect(Collectors.groupingBy(
                g -> g.getFirst().file() + '\t' + g.getFirst().label(), LinkedHashMap::new, Collectors.toList()));
        for (List<List<Row>> stratum : strata.values()) {
            List<List<Row>> shuffled = new ArrayList<>(stratum);
            Collections.shuffle(shuffled, random);
            int held = (int) Math.round(shuffled.size() * fraction);
            shuffled.subList(0, held).forEach(valid::addAll);
            shuffled.subList(held, shuffled.size()).forEach(train::addAll);
        }
    }

    /** Balances the classes inside each file, and files by size to the power {@code fileWeight}. */
    private static float[] exampleWeights(List<Row> train, Settings settings) {
        Map<String, Long> perFile = train.stream().collect(Collectors.groupingBy(Row::file, Collectors.counting()));
        Map<String, Long> perStratum = train.stream().collect(Collectors.groupingBy(r -> r.file() + '\t' + r.label(), Collectors.counting()));
        Map<String, Long> classesPerFile = perStratum.keySet().stream()
                .collect(Collectors.groupingBy(s -> s.substring(0, s.indexOf('\t')), Collectors.counting()));
        float[] weights = new float[train.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            Row r = train.get(i);
            double nFile = perFile.get(r.file());
            double balance = Math.pow(nFile / (classesPerFile.get(r.file()) * perStratum.get(r.file() + '\t' + r.label())),
                    settings.balance());
            double fileShare = Math.pow(nFile, settings.fileWeight()) / nFile;
            weights[i] = (float) (balance * fileShare);
            sum += weights[i];
        }
        float scale = (float) (weights.length / sum);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.min(weights[i] * scale, 10f);
        }
        return weights;
    }

    /** Mean over files of macro-F1 (binary files judged with forced positive/negative); prints a table when asked. */
    static double meanPerFile(SentimentModel model, List<Row> rows, List<SparseVector> xs, PrintStream print) {
        Map<String, Evaluation> byFile = new LinkedHashMap<>();
        Map<String, Set<Sentiment>> labels = new LinkedHashMap<>();
        for (Row r : rows) {
            labels.computeIfAbsent(r.file(), f -> EnumSet.noneOf(Sentiment.class)).add(r.label());
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            boolean binary = !labels.get(r.file()).contains(Sentiment.NEUTRAL);
            Sentiment predicted = predict(model, model.probabilities(xs.get(i)), binary);
            byFile.computeIfAbsent(r.file(), f -> new Evaluation(model.classes())).add(r.label(), predicted);
        }
        double sum = 0;
        for (Map.Entry<String, Evaluation> e : byFile.entrySet()) {
            sum += e.getValue().macroF1();
            if (print != null) {
                print.printf(Locale.ROOT, "validation %-30s %s%s%n", e.getKey(), e.getValue().summary(),
                        labels.get(e.getKey()).contains(Sentiment.NEUTRAL) ? "" : " (binary)");
            }
        }
        return byFile.isEmpty() ? 0 : sum / byFile.size();
    }

    /** The predicted label; with {@code binary}, the more likely of positive and negative. */
    static Sentiment predict(SentimentModel model, double[] p, boolean binary) {
        int best = -1;
        for (int c = 0; c < p.length; c++) {
            Sentiment s = model.classes().get(c);
            if ((!binary || s != Sentiment.NEUTRAL) && (best < 0 || p[c] > p[best])) {
                best = c;
            }
        }
        return model.classes().get(best);
    }
}
