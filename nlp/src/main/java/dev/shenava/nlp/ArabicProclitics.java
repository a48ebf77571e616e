package dev.shenava.nlp;

import java.util.Set;

/**
 * The Arabic proclitics that attach to a noun in writing: the conjunctions و and ف, the
 * prepositions ب, ل and ك, the article ال, and their combinations ("وال", "بال", "فبال", "لل").
 * Folded like {@link Letters#fold(int)} (ك is written ک). Persian writes these apart, so only
 * Arabic text is searched with them.
 */
final class ArabicProclitics {

    private static final Set<String> PREFIXES = Set.of(
            "و", "ف", "ب", "ل", "ک", "ال",
            "وب", "ول", "وک", "فب", "فل", "فک",
            "وال", "فال", "بال", "کال", "لل",
            "وبال", "وکال", "ولل", "فبال", "فکال", "فلل");

    /** Before a term that starts with ال, a preposition ل takes the alef's place: ل + الراجحي = للراجحي. */
    private static final Set<String> LAM_BEFORE_ARTICLE = Set.of("ل", "ول", "فل");

    private ArabicProclitics() {
    }

    /** Whether the letters before a term, inside its word, are proclitics; null (no prefix to read) is not. */
    static boolean isProclitic(String prefix) {
        return prefix != null && PREFIXES.contains(prefix);
    }

    /** Whether the letters before the lam of a term's ال (its alef dropped) are a proclitic ending in ل. */
    static boolean isLamBeforeArticle(String prefix) {
        return prefix != null && LAM_BEFORE_ARTICLE.contains(prefix);
    }
}
