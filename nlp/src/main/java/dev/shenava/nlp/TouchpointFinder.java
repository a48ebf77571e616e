package dev.shenava.nlp;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds customer-experience touchpoints with the language's lexicon and gives each the sentiment
 * of the clause that names it. Clauses end at commas and semicolons and before contrast words
 * ("but", "ولی", "لكن"), so "fast delivery but rude staff" yields a positive delivery and a
 * negative staff. When a touchpoint is named in several clauses, the first one counts.
 */
final class TouchpointFinder {

    private final Normalizer normalizer = Normalizer.create();

    List<TouchpointSentiment> find(String text, List<int[]> sentences, String lang, Function<String, SentimentScore> scorer) {
        Lexicon lex = Lexicon.of(lang);
        if (lex.touchpoints.isEmpty()) {
            return List.of();
        }
        Map<Touchpoint, TouchpointSentiment> found = new EnumMap<>(Touchpoint.class);
        List<Touchpoint> order = new ArrayList<>();
        for (int[] s : sentences) {
            String sentence = text.substring(s[0], s[1]);
            List<Normalizer.Token> tokens = normalizer.spans(sentence);
            int clauseStart = 0;
            for (int i = 1; i <= tokens.size(); i++) {
                if (i == tokens.size() || startsClause(sentence, tokens, i, lex)) {
                    clause(sentence, tokens.subList(clauseStart, i), clauseStart == 0 && i == tokens.size(), lex, scorer, found, order);
                    clauseStart = i;
                }
            }
        }
        List<TouchpointSentiment> out = new ArrayList<>();
        for (Touchpoint t : order) {
            out.add(found.get(t));
        }
        return out;
    }

    private static boolean startsClause(String sentence, List<Normalizer.Token> tokens, int i, Lexicon lex) {
        if (lex.contrast.contains(tokens.get(i).text())) {
            return true;
        }
        for (int k = tokens.get(i - 1).end(); k < tokens.get(i).start(); k++) {
            char c = sentence.charAt(k);
            if (c == ',' || c == '،' || c == ';' || c == '؛' || c == ':') {
                return true;
            }
        }
        return false;
    }

    /** Finds touchpoints in one clause; {@code whole} when the clause is the entire sentence, whose score is then reused. */
    private static void clause(String sentence, List<Normalizer.Token> tokens, boolean whole, Lexicon lex,
                               Function<String, SentimentScore> scorer, Map<Touchpoint, TouchpointSentiment> found,
                               List<Touchpoint> order) {
        if (tokens.isEmpty()) {
            return;
        }
        List<String> words = tokens.stream().map(Normalizer.Token::text).toList();
        SentimentScore clauseScore = null;
        for (Map.Entry<Touchpoint, Lexicon.Entries> e : lex.touchpoints.entrySet()) {
            for (int i = 0; i < words.size(); i++) {
                int len = e.getValue().matchAt(words, i);
                if (len == 0) {
                    continue;
                }
                if (clauseScore == null) {
                    clauseScore = scorer.apply(whole ? sentence : sentence.substring(tokens.getFirst().start(), tokens.getLast().end()));
                }
                String evidence = sentence.substring(tokens.get(i).start(), tokens.get(i + len - 1).end());
                if (!found.containsKey(e.getKey())) {
                    order.add(e.getKey());
                    found.put(e.getKey(), new TouchpointSentiment(e.getKey(), clauseScore, evidence));
                }
                break;
            }
        }
    }
}
