package dev.shenava.api;

import dev.shenava.nlp.Analysis;
import dev.shenava.nlp.SentimentScore;
import dev.shenava.nlp.TextAnalyzer;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;

/**
 * {@code POST /api/v1/analyze}: runs the NLP pipeline on a text and shows what it finds, without
 * storing anything.
 */
public final class AnalyzeRoutes implements HttpService {

    /** Longest text accepted, in characters. */
    public static final int MAX_TEXT = 100_000;

    private final TextAnalyzer analyzer;

    /**
     * Creates the routes.
     *
     * @param analyzer the analyzer the pipeline uses
     */
    public AnalyzeRoutes(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The request body.
     *
     * @param text the text to analyse
     */
    public record Request(String text) {
    }

    /**
     * The answer: the analysis with lower-case labels.
     *
     * @param language       ISO 639-1 code or und
     * @param normalizedText the search form of the text
     * @param sentiment      sentiment of the whole text
     * @param sentences      sentiment per sentence (character offsets)
     * @param touchpoints    touchpoints with their sentiment and evidence
     * @param keyPhrases     key phrases
     * @param truncated      whether the text was cut before analysis
     */
    public record Result(String language, String normalizedText, Score sentiment, List<Sentence> sentences,
                         List<TouchpointResult> touchpoints, List<String> keyPhrases, boolean truncated) {
    }

    /**
     * A sentiment.
     *
     * @param label      positive, negative or neutral
     * @param score      -1 to 1
     * @param confidence 0 to 1
     */
    public record Score(String label, double score, double confidence) {
        static Score of(SentimentScore s) {
            return new Score(s.label().id(), s.score(), s.confidence());
        }
    }

    /**
     * One sentence.
     *
     * @param start     first character
     * @param end       character after the last
     * @param sentiment its sentiment
     */
    public record Sentence(int start, int end, Score sentiment) {
    }

    /**
     * One touchpoint.
     *
     * @param touchpoint touchpoint id
     * @param sentiment  sentiment about it
     * @param evidence   the words that showed it
     */
    public record TouchpointResult(String touchpoint, Score sentiment, String evidence) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::analyze);
    }

    private void analyze(ServerRequest req, ServerResponse res) {
        Request body = req.content().hasEntity() ? req.content().as(Request.class) : null;
        if (body == null || body.text() == null || body.text().isBlank()) {
            throw ApiException.badRequest("send {\"text\": \"...\"} with the text to analyse");
        }
        if (body.text().length() > MAX_TEXT) {
            throw ApiException.badRequest("text is longer than " + MAX_TEXT + " characters");
        }
        res.send(result(analyzer.analyze(body.text())));
    }

    static Result result(Analysis a) {
        return new Result(a.language(), a.normalizedText(), Score.of(a.sentiment()),
                a.sentences().stream().map(s -> new Sentence(s.start(), s.end(), Score.of(s.sentiment()))).toList(),
                a.touchpoints().stream().map(t -> new TouchpointResult(t.touchpoint().id(), Score.of(t.sentiment()),
                        t.evidence())).toList(),
                a.keyPhrases(), a.truncated());
    }
}
