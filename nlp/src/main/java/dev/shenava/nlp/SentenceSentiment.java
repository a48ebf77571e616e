package dev.shenava.nlp;

import java.util.Objects;

/**
 * The sentiment of one sentence of the analysed text.
 *
 * @param start     offset of the sentence's first char in the analysed text
 * @param end       offset after its last char
 * @param sentiment its sentiment
 */
public record SentenceSentiment(int start, int end, SentimentScore sentiment) {

    public SentenceSentiment {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad sentence span " + start + ".." + end);
        }
        Objects.requireNonNull(sentiment, "sentiment");
    }
}
