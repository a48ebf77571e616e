package dev.shenava.nlp;

import java.util.Objects;

/**
 * A customer-experience touchpoint found in a text, with the sentiment of the clause that names it.
 *
 * @param touchpoint the touchpoint
 * @param sentiment  sentiment of the clause or sentence mentioning it
 * @param evidence   the words that named the touchpoint, as written
 */
public record TouchpointSentiment(Touchpoint touchpoint, SentimentScore sentiment, String evidence) {

    public TouchpointSentiment {
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(sentiment, "sentiment");
        evidence = evidence == null ? "" : evidence;
    }
}
