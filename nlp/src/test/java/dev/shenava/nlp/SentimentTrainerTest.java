package dev.shenava.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentTrainerTest {

    private static final List<Sentiment> CLASSES = List.of(Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE);

    /** A small corpus of our own: the polar words are ones the lexicon does not know, so only training can learn them. */
    private static List<SentimentTrainer.Row> rows() {
        String[] things = {"courier", "order", "driver", "parcel", "app", "refund", "menu", "table", "phone", "seat"};
        List<SentimentTrainer.Row> rows = new ArrayList<>();
        for (int i = 0; i < things.length; i++) {
            for (int j = 0; j < things.length; j++) {
                String a = things[i];
                String b = things[j];
                rows.add(new SentimentTrainer.Row("toy", Sentiment.POSITIVE, "the " + a + " was zorbly and the " + b + " too"));
                rows.add(new SentimentTrainer.Row("toy", Sentiment.NEGATIVE, "the " + a + " was blarfy and the " + b + " too"));
                rows.add(new SentimentTrainer.Row("toy", Sentiment.NEUTRAL, "the " + a + " is next to the " + b));
            }
        }
        return rows;
    }

    private static SentimentTrainer trainer(boolean trigrams, double nb) {
        return new SentimentTrainer(trainerSettings(trigrams, nb), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void naiveBayesRatioFavoursTheClassAFeatureOccursIn() {
        SentimentFeatures features = new SentimentFeatures(16, false, false);
        List<SentimentTrainer.Row> rows = rows();
        List<SparseVector> xs = rows.stream().map(r -> features.extract(r.text(), "en")).toList();
        float[] weights = new float[rows.size()];
        java.util.Arrays.fill(weights, 1f);
        float[] r = NaiveBayesRatios.of(xs, rows, weights, CLASSES, 1 << 16, 1f);
        assertTrue(evidence(features, r, "zorbly", 2) > 1 + evidence(features, r, "zorbly", 0));
        assertTrue(evidence(features, r, "blarfy", 0) > 1 + evidence(features, r, "blarfy", 2));
        assertTrue(evidence(features, r, "is next to", 1) > 1 + evidence(features, r, "is next to", 2));
    }

    /** The naive-Bayes evidence of a text for a class: its features' ratios summed. */
    private static double evidence(SentimentFeatures features, float[] r, String text, int c) {
        SparseVector x = features.extract(text, "en");
        double sum = 0;
        for (int i = 0; i < x.size(); i++) {
            sum += Math.abs(x.values()[i]) * r[x.indices()[i] * CLASSES.size() + c];
        }
        return sum;
    }

    @Test
    void foldedWeightsScoreLikeScaledFeatures() {
        float[] w = {0.5f, -2f, 1f};
        float[] r = {2f, 0.5f, -1f};
        assertArrayEquals(new float[] {1f, -1f, -1f}, NaiveBayesRatios.fold(w, r));
        assertTrue(NaiveBayesRatios.fold(w, null) == w);
    }

    @Test
    void naiveBayesModelLearnsUnseenPolarWordsAndNeutralText() {
        SentimentTrainer t = trainer(true, 1);
        SentimentModel model = t.fit(t.prepare("en", rows()), trainerSettings(true, 1), false);
        assertEquals(Sentiment.POSITIVE, model.score("my courier was zorbly").label());
        assertEquals(Sentiment.NEGATIVE, model.score("my phone was blarfy").label());
        assertEquals(Sentiment.NEUTRAL, model.score("the refund is next to the menu").label());
    }

    @Test
    void modelFileKeepsTheTrigramFeatureFlag(@TempDir Path dir) {
        SentimentTrainer t = trainer(true, 1);
        SentimentModel model = t.fit(t.prepare("en", rows()), trainerSettings(true, 1), false);
        Path file = dir.resolve("sentiment-en.bin");
        model.save(file);
        SentimentModel loaded = SentimentModel.load(file);
        assertTrue(loaded.features().trigrams());
        double[] before = model.probabilities("the driver was zorbly and the app too");
        double[] after = loaded.probabilities("the driver was zorbly and the app too");
        for (int c = 0; c < before.length; c++) {
            assertEquals(before[c], after[c], 0.01, "float16 storage keeps the probabilities");
        }
    }

    private static SentimentTrainer.Settings trainerSettings(boolean trigrams, double nb) {
        return new SentimentTrainer.Settings(16, 6, 0.08, 1e-6, 0.1, 0.5, 42, false, trigrams, nb, 1);
    }
}
