package dev.shenava.nlp;

import java.util.List;
import java.util.Objects;

/**
 * What the NLP pipeline finds in one text.
 *
 * @param language       ISO 639-1 code ({@code fa}, {@code ar}, {@code en}, ...) or {@code und}
 * @param normalizedText the text normalised for indexing and matching
 * @param sentiment      sentiment of the whole text
 * @param sentences      sentiment per sentence, in text order
 * @param touchpoints    customer-experience touchpoints found, each with its own sentiment
 * @param keyPhrases     normalised key phrases (n-grams without stop words)
 * @param truncated      whether the text was longer than the configured limit and cut before analysis
 */
public record Analysis(String language,
                       String normalizedText,
                       SentimentScore sentiment,
                       List<SentenceSentiment> sentences,
                       List<TouchpointSentiment> touchpoints,
                       List<String> keyPhrases,
                       boolean truncated) {

    public Analysis {
        language = language == null || language.isBlank() ? "und" : language;
        normalizedText = normalizedText == null ? "" : normalizedText;
        Objects.requireNonNull(sentiment, "sentiment");
        sentences = List.copyOf(sentences);
        touchpoints = List.copyOf(touchpoints);
        keyPhrases = List.copyOf(keyPhrases);
    }
}
