package dev.shenava.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word lists of one language: polarity, negators, intensifiers, contrast words, stop words and
 * touchpoint terms, read from {@code lexicon/<lang>.txt} and normalised like the text.
 */
final class Lexicon {

    private static final Map<String, Lexicon> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    /** Suffixes and clitics stripped from a Persian or Arabic token when it has no entry of its own. */
    private static final List<String> ENDINGS = List.of("هایی", "های", "ها", "ترین", "تر", "یی", "ای", "اش", "ام", "ات",
            "مون", "تون", "شون", "ی", "ه", "ش", "م", "ت", "و", "ون", "ین", "ات", "کم", "هم", "نا");
    private static final List<String> PROCLITICS = List.of("وال", "بال", "فال", "کال", "لل", "ال", "و", "ب", "ف", "ل");

    final Entries positive = new Entries();
    final Entries negative = new Entries();
    final Entries negators = new Entries();
    final Entries intensifiers = new Entries();
    final Entries contrast = new Entries();
    final Entries stopwords = new Entries();
    final Map<Touchpoint, Entries> touchpoints = new EnumMap<>(Touchpoint.class);

    private Lexicon() {
    }

    /** The lexicon of a language; an empty one for a language without a list. */
    static Lexicon of(String lang) {
        return CACHE.computeIfAbsent(lang, Lexicon::load);
    }

    private static Lexicon load(String lang) {
        Lexicon lex = new Lexicon();
        InputStream in = Lexicon.class.getResourceAsStream("lexicon/" + lang + ".txt");
        if (in == null) {
            return lex;
        }
        Normalizer normalizer = Normalizer.create();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Entries section = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("[") && l.endsWith("]")) {
                    section = lex.section(l.substring(1, l.length() - 1));
                } else if (section != null) {
                    boolean prefix = l.endsWith("*");
                    List<String> tokens = normalizer.tokens(prefix ? l.substring(0, l.length() - 1) : l);
                    if (!tokens.isEmpty()) {
                        section.add(tokens, prefix);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon for " + lang, e);
        }
        return lex;
    }

    private Entries section(String name) {
        return switch (name) {
            case "positive" -> positive;
            case "negative" -> negative;
            case "negators" -> negators;
            case "intensifiers" -> intensifiers;
            case "contrast" -> contrast;
            case "stopwords" -> stopwords;
            default -> touchpoints.computeIfAbsent(Touchpoint.parse(name.substring(name.indexOf(':') + 1)), t -> new Entries());
        };
    }

    /**
     * A set of single- and multi-word entries; single words also match a Persian or Arabic token
     * with a common ending or proclitic, and prefix entries match any ending.
     */
    static final class Entries {
        private final Map<String, List<String[]>> byFirst = new HashMap<>();
        private final List<String> prefixes = new ArrayList<>();
        /** Single-token answers, remembered: the same words recur in every text. Bounded. */
        private final Map<String, Boolean> seen = new java.util.concurrent.ConcurrentHashMap<>();

        void add(List<String> tokens, boolean prefix) {
            if (prefix && tokens.size() == 1) {
                prefixes.add(tokens.getFirst());
            } else {
                byFirst.computeIfAbsent(tokens.getFirst(), k -> new ArrayList<>()).add(tokens.toArray(String[]::new));
            }
        }

        /** Whether the token is a one-word entry as it stands, without stripping endings. */
        boolean containsExact(String token) {
            return single(token);
        }

        boolean contains(String token) {
            return matchAt(List.of(token), 0) > 0;
        }

        /** Length in tokens of the longest entry starting at token i, or 0. */
        int matchAt(List<String> tokens, int i) {
            String t = tokens.get(i);
            int best = longest(byFirst.get(t), tokens, i);
            if (best > 0) {
                return best;
            }
            Boolean known = seen.get(t);
            if (known == null) {
                known = prefixed(t) || !t.isEmpty() && Letters.isArabicScript(t.charAt(0)) && t.length() > 2 && stemmed(t);
                if (seen.size() < 100_000) {
                    seen.put(t, known);
                }
            }
            return known ? 1 : 0;
        }

        private boolean prefixed(String t) {
            for (String p : prefixes) {
                if (t.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }

        private static int longest(List<String[]> candidates, List<String> tokens, int i) {
            if (candidates == null) {
                return 0;
            }
            int best = 0;
            for (String[] c : candidates) {
                if (c.length > best && i + c.length <= tokens.size()) {
                    boolean all = true;
                    for (int k = 1; k < c.length && all; k++) {
                        all = c[k].equals(tokens.get(i + k));
                    }
                    if (all) {
                        best = c.length;
                    }
                }
            }
            return best;
        }

        private boolean stemmed(String t) {
            for (String e : ENDINGS) {
                if (t.length() - e.length() >= 2 && t.endsWith(e) && single(t.substring(0, t.length() - e.length()))) {
                    return true;
                }
            }
            for (String p : PROCLITICS) {
                if (t.length() - p.length() >= 2 && t.startsWith(p) && single(t.substring(p.length()))) {
                    return true;
                }
            }
            return false;
        }

        private boolean single(String t) {
            List<String[]> c = byFirst.get(t);
            if (c != null) {
                for (String[] e : c) {
                    if (e.length == 1) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
