package dev.shenava.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key phrases for trending terms: normalised uni-, bi- and trigrams that contain no stop word,
 * URL, handle, number or emoji, ranked by frequency then length then first position.
 */
final class KeyPhrases {

    /** Mixed-language texts are common, so every list applies whatever the text's language. */
    private static final List<String> STOP_LISTS = List.of("fa", "ar", "en");

    private KeyPhrases() {
    }

    static List<String> extract(List<String> tokens, String lang, int max) {
        if (max == 0 || tokens.isEmpty()) {
            return List.of();
        }
        Lexicon own = Lexicon.of(lang);
        Map<String, int[]> counts = new LinkedHashMap<>(); // phrase -> {count, n, first}
        List<String> run = new ArrayList<>();
        for (int i = 0; i <= tokens.size(); i++) {
            String t = i < tokens.size() ? tokens.get(i) : null;
            if (t != null && content(t, own)) {
                run.add(t);
                continue;
            }
            grams(run, i - run.size(), counts);
            run.clear();
        }
        return counts.entrySet().stream()
                .sorted((a, b) -> {
                    int[] x = a.getValue();
                    int[] y = b.getValue();
                    return x[0] != y[0] ? y[0] - x[0] : x[1] != y[1] ? y[1] - x[1] : x[2] - y[2];
                })
                .limit(max).map(Map.Entry::getKey).toList();
    }

    private static void grams(List<String> run, int offset, Map<String, int[]> counts) {
        for (int n = 3; n >= 1; n--) {
            for (int i = 0; i + n <= run.size(); i++) {
                String phrase = String.join(" ", run.subList(i, i + n));
                int[] c = counts.computeIfAbsent(phrase, k -> new int[] {0, 0, 0});
                if (c[0]++ == 0) {
                    c[1] = n;
                    c[2] = offset + i;
                }
            }
        }
    }

    private static boolean content(String t, Lexicon own) {
        if (t.length() < 2 || t.startsWith("@") || t.startsWith("http") || t.startsWith("www.")) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < t.length() && !letter; i++) {
            letter = Character.isLetter(t.charAt(i));
        }
        if (!letter || own.negators.containsExact(t) || own.contrast.containsExact(t) || own.intensifiers.containsExact(t)) {
            return false;
        }
        for (String lang : STOP_LISTS) {
            if (Lexicon.of(lang).stopwords.containsExact(t)) {
                return false;
            }
        }
        return true;
    }
}
