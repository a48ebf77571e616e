package dev.shenava.nlp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Evaluates the shipped models on the validation split they were trained without (same seed and
 * split as {@link SentimentTrainer}), per corpus family. Skips when the shared datasets are absent,
 * as in a user's clone.
 */
class SentimentValidationIT {

    private static final Map<String, List<SentimentTrainer.Row>> VALIDATION = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "{0}/{1} {2} >= {3}")
    @CsvSource({
        "fa, fa_snappfood_dev, binary-macro-f1, 0.82",
        "fa, fa_deepsentipers_original, macro-f1, 0.58",
        "ar, ar_arsas_train, macro-f1, 0.75",
        "ar, ar_semeval17_umsab_train, macro-f1, 0.62",
        "en, en_tweeteval_sentiment_val, macro-recall, 0.58",
        "en, en_sst2_glue_dev, binary-accuracy, 0.75",
    })
    void shippedModelKeepsItsValidationScore(String lang, String file, String metric, double floor) {
        String shared = System.getProperty("shenava.shared");
        assumeTrue(shared != null, "system property shenava.shared is not set; skipping the dataset evaluation");
        Path dir = Path.of(shared, "datasets", "sentiment", lang);
        assumeTrue(Files.isDirectory(dir), "no shared datasets at " + dir + "; skipping the dataset evaluation");
        SentimentModel model = SentimentModel.bundled(lang).orElseThrow();
        boolean binary = metric.startsWith("binary");
        List<SentimentTrainer.Row> rows = VALIDATION.computeIfAbsent(lang,
                        l -> SentimentTrainer.validationRows(SentimentTrainer.read(dir), SentimentTrainer.Settings.defaults()))
                .stream().filter(r -> r.file().equals(file) && !(binary && r.label() == Sentiment.NEUTRAL)).toList();
        Evaluation e = new Evaluation(model.classes());
        for (SentimentTrainer.Row r : rows) {
            e.add(r.label(), SentimentTrainer.predict(model, model.probabilities(r.text()), binary));
        }
        double value = metric.endsWith("macro-f1") ? e.macroF1() : metric.endsWith("accuracy") ? e.accuracy() : e.macroRecall();
        System.out.printf(Locale.ROOT, "%s/%s validation: %s%n", lang, file, e.summary());
        assertTrue(e.n() > 20, "too few validation rows for " + file);
        assertTrue(value >= floor, String.format(Locale.ROOT, "%s %s = %.4f, below %.2f", file, metric, value, floor));
    }
}
