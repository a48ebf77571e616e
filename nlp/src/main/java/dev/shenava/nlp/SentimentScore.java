package dev.shenava.nlp;

import java.util.Objects;

/**
 * A sentiment judgement: the label, a signed score and how sure the model is.
 *
 * @param label      positive, negative or neutral
 * @param score      polarity in [-1, 1]: -1 most negative, 1 most positive
 * @param confidence probability of the label in [0, 1]
 */
public record SentimentScore(Sentiment label, double score, double confidence) {

    /** Neutral with no evidence either way. */
    public static final SentimentScore NEUTRAL = new SentimentScore(Sentiment.NEUTRAL, 0, 1);

    public SentimentScore {
        Objects.requireNonNull(label, "label");
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [-1, 1], was " + score);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
    }
}
