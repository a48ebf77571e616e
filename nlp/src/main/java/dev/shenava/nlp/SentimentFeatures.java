package dev.shenava.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a text into the hashed sparse feature vector the sentiment models read: word uni- and
 * bigrams of the normalised text with negation scope marked, char 2-5-grams inside words, polarity
 * lexicon counts (flipped under negation, boosted by intensifiers), emoticons, elongation and
 * punctuation. Stateless and thread-safe.
 */
final class SentimentFeatures {

    private static final int SEED_WORD = 0x9747b28c;
    private static final int SEED_NEG = 0x1b873593;
    private static final int SEED_BIGRAM = 0x85ebca6b;
    private static final int SEED_CHAR = 0xc2b2ae35;
    private static final int SEED_META = 0x27d4eb2f;
    private static final int SEED_TRIGRAM = 0x165667b1;

    /** Weight of the lexicon counts next to the L2-normalised word and char groups. */
    private static final float LEXICON_SCALE = 1f;

    private final int bits;
    private final int mask;
    private final boolean crossWord;
    private final boolean trigrams;
    private final Normalizer normalizer = Normalizer.create();

    /**
     * @param bits      log2 of the hashed feature space
     * @param crossWord char n-grams run across word boundaries of a segment ("خوب نبود" gives "ب نب"),
     *                  instead of inside each word only; better for Persian, where a space, a ZWNJ
     *                  or nothing may separate the same two words
     * @param trigrams  word trigrams besides uni- and bigrams
     */
    SentimentFeatures(int bits, boolean crossWord, boolean trigrams) {
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.crossWord = crossWord;
        this.trigrams = trigrams;
    }

    int bits() {
        return bits;
    }

    boolean crossWord() {
        return crossWord;
    }

    boolean trigrams() {
        return trigrams;
    }

    /** The features of a text in a language. */
    SparseVector extract(String text, String lang) {
        Lexicon lex = Lexicon.of(lang);
        SparseVector.Builder words = new SparseVector.Builder();
        SparseVector.Builder chars = new SparseVector.Builder();
        SparseVector.Builder meta = new SparseVector.Builder();
        float[] polarity = new float[4]; // pos, neg, negated pos, negated neg
        int tokenCount = 0;
        for (String segment : segments(text)) {
            List<String> tokens = normalizer.tokens(segment);
            boolean[] negated = negationScope(tokens, lex, lang);
            String prev2 = "<s>";
            String prev = "<s>";
            for (int i = 0; i < tokens.size(); i++) {
                String t = shape(tokens.get(i));
                add(words, SEED_WORD, t, 1f);
                if (negated[i]) {
                    add(words, SEED_NEG, t, 1f);
                }
                add(words, SEED_BIGRAM, prev + ' ' + t, 1f);
                if (trigrams && i > 0) {
                    add(words, SEED_TRIGRAM, prev2 + ' ' + prev + ' ' + t, 1f);
                }
                prev2 = prev;
                prev = t;
                if (!crossWord && t.length() <= 30 && t.charAt(0) != '<') {
                    charGrams(chars, t);
                }
            }
            if (crossWord) {
                crossWordGrams(chars, tokens);
            }
            add(words, SEED_BIGRAM, prev + " </s>", 1f);
            polarity(tokens, negated, lex, polarity);
            tokenCount += tokens.size();
        }
        addMeta(meta, text, polarity, tokenCount);
        return SparseVector.merge(words.build().normalized(), chars.build().normalized(), meta.build());
    }

    private static String shape(String token) {
        if (token.startsWith("http") || token.startsWith("www.")) {
            return "<url>";
        }
        if (token.startsWith("@")) {
            return "<user>";
        }
        boolean digits = true;
        for (int i = 0; i < token.length() && digits; i++) {
            digits = Character.isDigit(token.charAt(i)) || token.charAt(i) == '.';
        }
        return digits ? "<num>" : token;
    }

    /** Splits at sentence and clause punctuation; a dot or comma splits only before space or end. */
    static List<String> segments(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean cut = c == '!' || c == '?' || c == '؟' || c == ';' || c == '؛' || c == '\n' || c == '،' || c == '…'
                    || (c == '.' || c == ',') && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)));
            if (cut) {
                if (i > start) {
                    out.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (start < n) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** Marks tokens under negation: forward three words, and in Persian also the two words before a negated verb. */
    static boolean[] negationScope(List<String> tokens, Lexicon lex, String lang) {
        boolean[] neg = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            boolean negator = lex.negators.contains(t) || "en".equals(lang) && t.endsWith("n't");
            if (!negator) {
                continue;
            }
            for (int k = i + 1; k <= i + 3 && k < tokens.size(); k++) {
                neg[k] = true;
            }
            if ("fa".equals(lang)) {
                for (int k = Math.max(0, i - 2); k < i; k++) {
                    neg[k] = true;
                }
            }
        }
        return neg;
    }

    private static void polarity(List<String> tokens, boolean[] negated, Lexicon lex, float[] out) {
        boolean boost = false;
        for (int i = 0; i < tokens.size(); i++) {
            int pos = lex.positive.matchAt(tokens, i);
            int neg = pos > 0 ? 0 : lex.negative.matchAt(tokens, i);
            float w = boost ? 1.5f : 1f;
            // a phrase entry ("جواب نمیده", "not worth it") already carries its own negation
            boolean flipped = negated[i] && Math.max(pos, neg) == 1;
            if (pos > 0) {
                out[flipped ? 2 : 0] += w;
            } else if (neg > 0) {
                out[flipped ? 3 : 1] += w;
            }
            boost = lex.intensifiers.contains(tokens.get(i));
            i += Math.max(pos, neg) > 1 ? Math.max(pos, neg) - 1 : 0;
        }
    }

    private void addMeta(SparseVector.Builder meta, String text, float[] polarity, int tokenCount) {
        String[] names = {"lex+", "lex-", "lexneg+", "lexneg-"};
        for (int k = 0; k < 4; k++) {
            if (polarity[k] > 0) {
                add(meta, SEED_META, names[k], LEXICON_SCALE * (float) Math.log1p(polarity[k]));
            }
        }
        float balance = polarity[0] + polarity[3] - polarity[1] - polarity[2];
        add(meta, SEED_META, balance > 0 ? "lexbal+" : balance < 0 ? "lexbal-" : "lexbal0", LEXICON_SCALE);
        int excl = 0;
        int ques = 0;
        int run = 1;
        boolean elongated = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            excl += c == '!' ? 1 : 0;
            ques += c == '?' || c == '؟' ? 1 : 0;
            run = i > 0 && c == text.charAt(i - 1) && Character.isLetter(c) ? run + 1 : 1;
            elongated |= run >= 3;
        }
        if (excl > 0) {
            add(meta, SEED_META, "excl", Math.min(excl, 3) / 3f);
        }
        if (ques > 0) {
            add(meta, SEED_META, "ques", Math.min(ques, 3) / 3f);
        }
        if (elongated) {
            add(meta, SEED_META, "elong", 1f);
        }
        emoticons(meta, text);
        add(meta, SEED_META, "len" + (tokenCount <= 3 ? 0 : tokenCount <= 8 ? 1 : tokenCount <= 20 ? 2 : 3), 1f);
        add(meta, SEED_META, "bias", 1f);
    }

    private void emoticons(SparseVector.Builder meta, String text) {
        String[] happy = {":)", ":-)", ":D", ";)", ":p", ":P", "(:", "=)", "^_^", ":]"};
        String[] sad = {":(", ":-(", ":'(", "):", ":/", "=(", ":["};
        for (String e : happy) {
            if (text.contains(e)) {
                add(meta, SEED_META, "emo+", 1f);
                break;
            }
        }
        for (String e : sad) {
            if (text.contains(e)) {
                add(meta, SEED_META, "emo-", 1f);
                break;
            }
        }
    }

    private void crossWordGrams(SparseVector.Builder chars, List<String> tokens) {
        StringBuilder joined = new StringBuilder();
        for (String token : tokens) {
            String t = shape(token);
            if (t.length() <= 30) {
                joined.append(t.charAt(0) == '<' ? "\u0001" : t).append(' ');
            }
        }
        if (!joined.isEmpty()) {
            charGrams(chars, joined.substring(0, joined.length() - 1));
        }
    }

    private void charGrams(SparseVector.Builder chars, String t) {
        String w = ' ' + t + ' ';
        int n = w.length();
        for (int len = 2; len <= 5; len++) {
            for (int i = 0; i + len <= n; i++) {
                int h = Hashing.hash(SEED_CHAR + len, w, i, i + len);
                chars.add(h & mask, h < 0 ? -1f : 1f);
            }
        }
    }

    private void add(SparseVector.Builder b, int seed, String s, float value) {
        int h = Hashing.hash(seed, s, 0, s.length());
        b.add(h & mask, h < 0 ? -value : value);
    }
}
