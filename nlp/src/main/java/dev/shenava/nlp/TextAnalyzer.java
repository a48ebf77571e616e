package dev.shenava.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Facade of the NLP pipeline: text in, {@link Analysis} out. Identifies the language, normalises
 * the text for search, scores sentiment for the whole text and each sentence with the language's
 * model, finds customer-experience touchpoints with the sentiment of their clause, and extracts
 * key phrases. Never throws on any input. Thread-safe; models load once per JVM.
 */
public final class TextAnalyzer {

    private static final Map<List<String>, LanguageIdentifier> IDENTIFIERS = new ConcurrentHashMap<>();

    private final NlpConfig config;
    private final LanguageIdentifier languages;
    private final Normalizer normalizer = Normalizer.create();
    private final TouchpointFinder touchpoints = new TouchpointFinder();

    private TextAnalyzer(NlpConfig config) {
        this.config = config;
        this.languages = IDENTIFIERS.computeIfAbsent(config.languages(), LanguageIdentifier::new);
        for (String lang : config.languages()) {
            SentimentModel.bundled(lang);
        }
    }

    /**
     * Creates the analyser with the default configuration (fa, ar, en), loading every model once.
     *
     * @return the analyser
     */
    public static TextAnalyzer create() {
        return create(NlpConfig.defaults());
    }

    /**
     * Creates an analyser with the given configuration.
     *
     * @param config languages, text limit, key phrase count
     * @return the analyser
     */
    public static TextAnalyzer create(NlpConfig config) {
        return new TextAnalyzer(config);
    }

    /**
     * Analyses one text. Never throws for any input: empty, emoji only, huge (cut at the configured
     * limit, with {@code truncated=true}), broken surrogates, unknown language.
     *
     * @param text the text, possibly {@code null} or empty
     * @return its analysis
     */
    public Analysis analyze(String text) {
        return analyze(text, "");
    }

    /**
     * Analyses one text whose language the caller already knows (a source's or an import's {@code lang},
     * or an identification made for brand matching): that language picks the sentiment model,
     * touchpoint lexicon and stop words instead of a second identification. A language outside the
     * configured set is reported as given and analysed without a sentiment model, as an identified one would be.
     *
     * @param text     the text, possibly {@code null} or empty
     * @param language ISO 639-1 code, or empty (or {@code null}) to identify it
     * @return its analysis
     */
    public Analysis analyze(String text, String language) {
        String known = language == null ? "" : language.strip();
        String t = text == null ? "" : text;
        boolean truncated = t.length() > config.maxChars();
        if (truncated) {
            int cut = config.maxChars();
            t = t.substring(0, Character.isHighSurrogate(t.charAt(cut - 1)) ? cut - 1 : cut);
        }
        try {
            return analyzeWhole(t, known, truncated);
        } catch (RuntimeException | StackOverflowError e) {
            String normalized = safeNormalize(t);
            return new Analysis(known.isEmpty() ? "und" : known, normalized, SentimentScore.NEUTRAL, List.of(), List.of(), List.of(), truncated);
        }
    }

    /**
     * The language of a text, as {@link #analyze(String)} reports it: one of the configured codes or
     * {@code und}. For callers that need it before analysing, such as brand matching.
     *
     * @param text the text, possibly {@code null} or empty
     * @return the language code
     */
    public String language(String text) {
        String t = text == null ? "" : text;
        try {
            return languages.identify(t.length() > config.maxChars() ? t.substring(0, config.maxChars()) : t);
        } catch (RuntimeException e) {
            return "und";
        }
    }

    /** The tokens sentence by sentence, with a boundary between sentences so no key phrase spans two. */
    private List<String> sentenceTokens(String t, List<int[]> spans) {
        List<String> out = new ArrayList<>();
        for (int[] s : spans) {
            out.addAll(normalizer.tokens(t.substring(s[0], s[1])));
            out.add(".");
        }
        return out;
    }

    private Analysis analyzeWhole(String t, String known, boolean truncated) {
        List<String> tokens = normalizer.tokens(t);
        String normalized = String.join(" ", tokens);
        String lang = known.isEmpty() ? languages.identify(t) : known;
        Optional<SentimentModel> model = config.languages().contains(lang) ? SentimentModel.bundled(lang) : Optional.empty();
        Map<String, SentimentScore> scored = new java.util.HashMap<>();
        java.util.function.Function<String, SentimentScore> scorer = s -> scored.computeIfAbsent(s.strip(),
                k -> model.map(m -> m.score(k)).orElse(SentimentScore.NEUTRAL));
        SentimentScore overall = scorer.apply(t);
        List<int[]> spans = SentenceSplitter.split(t);
        List<SentenceSentiment> sentences = new ArrayList<>(spans.size());
        for (int[] s : spans) {
            SentimentScore score = spans.size() == 1 ? overall : scorer.apply(t.substring(s[0], s[1]));
            sentences.add(new SentenceSentiment(s[0], s[1], score));
        }
        List<TouchpointSentiment> found = touchpoints.find(t, spans, lang, scorer);
        List<String> phrases = KeyPhrases.extract(spans.size() == 1 ? tokens : sentenceTokens(t, spans), lang,
                config.maxKeyPhrases());
        return new Analysis(lang, normalized, overall, sentences, found, phrases, truncated);
    }

    private String safeNormalize(String t) {
        try {
            return normalizer.normalize(t);
        } catch (RuntimeException e) {
            return "";
        }
    }
}
