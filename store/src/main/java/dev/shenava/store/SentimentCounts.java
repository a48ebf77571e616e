package dev.shenava.store;

/**
 * How many mentions were positive, negative and neutral, and the net sentiment they give.
 *
 * @param positive positive mentions
 * @param negative negative mentions
 * @param neutral  neutral mentions
 */
public record SentimentCounts(long positive, long negative, long neutral) {

    /** No mentions. */
    public static final SentimentCounts NONE = new SentimentCounts(0, 0, 0);

    /**
     * Net sentiment as the field defines it: (positive − negative) / (positive + negative) × 100,
     * 0 when both are 0; rounded to one decimal.
     *
     * @return a value from -100 to 100
     */
    public double netSentiment() {
        return net(positive, negative);
    }

    /**
     * Adds one more count of the given label.
     *
     * @param label positive, negative or neutral; anything else is ignored
     * @param count how many
     * @return the new counts
     */
    public SentimentCounts plus(String label, long count) {
        return switch (label) {
            case "positive" -> new SentimentCounts(positive + count, negative, neutral);
            case "negative" -> new SentimentCounts(positive, negative + count, neutral);
            case "neutral" -> new SentimentCounts(positive, negative, neutral + count);
            default -> this;
        };
    }

    /**
     * Adds other counts to these.
     *
     * @param other the counts to add
     * @return the sums
     */
    public SentimentCounts plus(SentimentCounts other) {
        return new SentimentCounts(positive + other.positive, negative + other.negative, neutral + other.neutral);
    }

    static double net(long positive, long negative) {
        if (positive + negative == 0) {
            return 0;
        }
        return Math.round((positive - negative) * 1000.0 / (positive + negative)) / 10.0;
    }
}
