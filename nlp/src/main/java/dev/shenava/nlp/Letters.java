package dev.shenava.nlp;

/**
 * Character-level folding shared by the normaliser and the brand matcher, so that a brand term
 * and the text it is searched in agree on what counts as the same letter.
 */
final class Letters {

    /** Returned by {@link #fold(int)} for a char that disappears (diacritics, tatweel, bidi marks). */
    static final int DROP = -1;
    static final char ZWNJ = '\u200C';

    private Letters() {
    }

    /**
     * Folds one code point: Arabic and Persian letter variants to one form, hamza carriers to
     * their bare letter, Eastern digits to ASCII, Latin to lower case.
     *
     * @param cp the code point
     * @return the folded code point, or {@link #DROP}
     */
    static int fold(int cp) {
        int f = foldKeepCase(cp);
        if (f < 0x80) {
            return f >= 'A' && f <= 'Z' ? f + 32 : f;
        }
        return Character.isUpperCase(f) ? Character.toLowerCase(f) : f;
    }

    /** Like {@link #fold(int)} but keeps Latin case, so camel-case hashtags can still be split. */
    static int foldKeepCase(int cp) {
        if (cp < 0x80) {
            return cp;
        }
        switch (cp) {
            case 0x064A, 0x0649, 0x06CC, 0x0626, 0x06D0, 0x06D2 -> { return 0x06CC; } // ي ى ی ئ ې ے → ی
            case 0x0643, 0x06A9, 0x06AA -> { return 0x06A9; }                        // ك ک ڪ → ک
            case 0x0629, 0x06C0, 0x06C1, 0x06D5, 0x06BE -> { return 0x0647; }        // ة ۀ ہ ە ھ → ه
            case 0x0623, 0x0625, 0x0622, 0x0671, 0x0672, 0x0673 -> { return 0x0627; } // أ إ آ ٱ → ا
            case 0x0624 -> { return 0x0648; }                                         // ؤ → و
            case 0x0640, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x00AD, 0x200B -> { return DROP; }
            case 0x200C -> { return ZWNJ; }
            case 0x066B -> { return '.'; }
            case 0x066C -> { return ','; }
            case 0x060C -> { return ','; }
            case 0x061B -> { return ';'; }
            case 0x061F -> { return '?'; }
            case 0x2019, 0x2018, 0x02BC -> { return '\''; }
            default -> { }
        }
        if (isArabicDiacritic(cp)) {
            return DROP;
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
            return '0' + (cp - 0x06F0);
        }
        if (cp >= 0x0660 && cp <= 0x0669) {
            return '0' + (cp - 0x0660);
        }
        return cp;
    }

    /** Harakat, tanwin, shadda, sukun, superscript alef, hamza above/below, Quranic marks. */
    static boolean isArabicDiacritic(int cp) {
        return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x0610 && cp <= 0x061A)
                || (cp >= 0x06D6 && cp <= 0x06DC) || (cp >= 0x06DF && cp <= 0x06E8) || (cp >= 0x06EA && cp <= 0x06ED)
                || cp == 0x08F0 || cp == 0x08F1 || cp == 0x08F2;
    }

    /** Whether a folded code point is in the Arabic script blocks (Persian included). */
    static boolean isArabicScript(int cp) {
        return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF);
    }

    /** Letters, digits and non-Arabic combining marks: the chars a word is made of. */
    static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    /** Pictographs, dingbats, flags and their modifiers. */
    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)
                || (cp >= 0x2300 && cp <= 0x23FF) || cp == 0x2764 || cp == 0x2122 || cp == 0x3030 || cp == 0x303D;
    }

    /** Code points that continue an emoji sequence: ZWJ, variation selectors, skin tones, keycap, tags. */
    static boolean isEmojiModifier(int cp) {
        return cp == 0x200D || cp == 0xFE0F || cp == 0xFE0E || (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0x20E3
                || (cp >= 0xE0020 && cp <= 0xE007F);
    }
}
