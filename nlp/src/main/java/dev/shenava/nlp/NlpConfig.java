package dev.shenava.nlp;

import java.util.List;
import java.util.Locale;

/**
 * How the {@link TextAnalyzer} works.
 *
 * @param languages     ISO 639-1 codes a text may be identified as; anything else is {@code und}
 * @param maxChars      texts longer than this are cut here and analysed with {@code truncated=true}
 * @param maxKeyPhrases most key phrases reported per text
 */
public record NlpConfig(List<String> languages, int maxChars, int maxKeyPhrases) {

    public NlpConfig {
        languages = languages == null || languages.isEmpty() ? List.of("fa", "ar", "en")
                : languages.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).toList();
        for (String l : languages) {
            if (!l.matches("[a-z]{2}")) {
                throw new IllegalArgumentException("language must be an ISO 639-1 code such as 'fa', was '" + l + "'");
            }
        }
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
        }
        if (maxKeyPhrases < 0) {
            throw new IllegalArgumentException("maxKeyPhrases must not be negative, was " + maxKeyPhrases);
        }
    }

    /**
     * Persian, Arabic and English; 20,000 chars; 10 key phrases.
     *
     * @return the defaults
     */
    public static NlpConfig defaults() {
        return new NlpConfig(List.of("fa", "ar", "en"), 20_000, 10);
    }
}
