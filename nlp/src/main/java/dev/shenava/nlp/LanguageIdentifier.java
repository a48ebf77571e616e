package dev.shenava.nlp;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * Tells which configured language a text is in, or {@code und}.
 *
 * <p>Persian and Arabic share a script and many words, and short texts defeat n-gram statistics,
 * so letters and function words decide first: پ چ ژ گ and Persian function words for Persian,
 * ة and Arabic function words for Arabic; Lingua (low-accuracy mode) decides what they leave open.
 * Lingua also knows a few common languages outside the configured set, so that a French or Turkish
 * text comes out {@code und} instead of being forced into English. Thread-safe.
 */
final class LanguageIdentifier {

    private static final Set<String> PERSIAN_WORDS = Set.of("است", "این", "که", "را", "رو", "از", "برای", "میشه", "هست",
            "نیست", "بود", "شد", "خیلی", "یه", "اون", "چرا", "چی", "ما", "شما", "اینکه", "هم", "ولی", "اما", "دارم",
            "داره", "کرد", "کردم", "نه", "باید", "هیچ", "همه", "خوب", "بد", "مرسی", "ممنون", "سلام", "تا", "با", "ها", "در",
            "یک", "هستم", "دارد", "اگه", "اگر", "چون", "کمه", "خوبه", "نکنه", "بدین", "کنید", "دیگه", "اینو", "چیه", "کجا");
    private static final Set<String> ARABIC_WORDS = Set.of("في", "على", "الى", "إلى", "عن", "هذا", "هذه", "الله", "لا",
            "كان", "انا", "أنا", "هو", "هي", "يا", "مع", "كل", "بس", "اللي", "لم", "لن", "قد", "ان", "أن", "إن", "الي",
            "ولا", "والله", "ليش", "شو", "ايش", "عشان", "لك", "انت", "أنت", "هاد", "مش", "فيه", "التي", "الذي", "كيف", "جدا",
            "انه", "انها", "انو", "حقا", "بدي", "ليه", "مين", "هيك", "كتير", "عنجد", "ده", "دي", "ايه", "كده", "يعني", "لسه",
            "شي", "احنا", "يلا", "هيدا", "عليه", "منه", "بعد", "حتى", "اذا", "كلام", "وحده");
    private static final Set<String> PERSIAN_AL_WORDS = Set.of("الان", "البته", "الکی", "الو", "الهام", "الگو", "الماس");
    private static final List<Language> DECOYS = List.of(Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
            Language.PORTUGUESE, Language.DUTCH, Language.TURKISH, Language.INDONESIAN, Language.RUSSIAN, Language.CHINESE,
            Language.JAPANESE, Language.KOREAN, Language.HEBREW, Language.HINDI, Language.URDU);

    /** Words frequent in English and rare in the other Latin-script languages Lingua is asked about. */
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "is", "was", "are", "were", "i", "you", "it",
            "this", "that", "my", "your", "not", "with", "have", "has", "for", "of", "to", "they", "what", "why", "just",
            "really", "very", "thanks", "thank", "please", "would", "should", "can't", "don't", "didn't", "it's", "i'm");

    private final Set<String> configured;
    private final LanguageDetector detector;
    private final LanguageDetector persianOrArabic;

    LanguageIdentifier(List<String> languages) {
        this.configured = Set.copyOf(languages);
        Set<Language> known = EnumSet.noneOf(Language.class);
        for (String code : languages) {
            known.add(Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))));
        }
        known.addAll(DECOYS);
        this.detector = LanguageDetectorBuilder.fromLanguages(known.toArray(Language[]::new)).withLowAccuracyMode().build();
        this.persianOrArabic = LanguageDetectorBuilder.fromLanguages(Language.PERSIAN, Language.ARABIC).build();
    }

    /**
     * The language of a text.
     *
     * @param text the text
     * @return a configured ISO 639-1 code, or {@code und}
     */
    String identify(String raw) {
        String text = withoutLinksAndTags(raw.length() > SAMPLE ? raw.substring(0, sampleEnd(raw)) : raw);
        int arabicScript = 0;
        int latin = 0;
        int other = 0;
        int persianLetters = 0;
        int arabicLetters = 0;
        int foreignArabicScript = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            if (Letters.isArabicScript(c)) {
                arabicScript++;
                switch (c) {
                    case 'پ', 'چ', 'ژ', 'گ' -> persianLetters += 3;
                    case 'ی', 'ک' -> persianLetters++;
                    case 'ة' -> arabicLetters += 3;
                    case 'ى' -> arabicLetters += 2;
                    case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ټ', 'ډ', 'ړ', 'ږ', 'ښ', 'ګ', 'ڼ', 'ې', 'ێ', 'ۆ', 'ڕ', 'ڵ' -> foreignArabicScript++;
                    default -> { }
                }
            } else if (c < 0x250) {
                latin++;
            } else {
                other++;
            }
        }
        if (arabicScript + latin + other == 0) {
            return "und";
        }
        if (arabicScript >= latin && arabicScript >= other) {
            return foreignArabicScript >= 2 ? "und" : persianOrArabic(text, persianLetters, arabicLetters);
        }
        return latinOrOther(text);
    }

    /**
     * Lingua's pick, except that a short text leaning to an unconfigured language by a small margin
     * goes to the best configured one ("thanks a lot" is English, not Latin or Tagalog).
     */
    private String latinOrOther(String text) {
        if (configured.contains("en") && clearlyEnglish(text)) {
            return "en";
        }
        java.util.SortedMap<Language, Double> confidence = detector.computeLanguageConfidenceValues(text);
        if (confidence.isEmpty()) {
            return configured.contains("en") && text.chars().allMatch(c -> c < 0x80) ? "en" : "und";
        }
        Language top = confidence.firstKey();
        double topValue = confidence.get(top);
        for (Map.Entry<Language, Double> e : confidence.entrySet()) {
            String code = fromLingua(e.getKey());
            if (!code.equals("und")) {
                return e.getKey() == top || e.getValue() >= 0.9 * topValue ? code : "und";
            }
        }
        return "und";
    }

    /** Language is decided on the first this-many chars: more adds time, not accuracy. */
    private static final int SAMPLE = 1500;

    private static int sampleEnd(String text) {
        int end = SAMPLE;
        while (end > SAMPLE - 100 && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        return Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }

    private static final java.util.regex.Pattern LINKS_AND_TAGS = java.util.regex.Pattern.compile(
            "(?i)https?://\\S+|www\\.\\S+|[@#][\\p{IsLatin}\\d_]+");

    /**
     * The text without URLs, handles and Latin hashtags, whose letters say nothing about the
     * language a tweet is written in; presentation forms (ﻣﻠﻜﺔ) turned into plain letters.
     */
    private static String withoutLinksAndTags(String text) {
        String s = text.indexOf('@') >= 0 || text.indexOf('#') >= 0 || text.contains("http") || text.contains("www.")
                ? LINKS_AND_TAGS.matcher(text).replaceAll(" ") : text;
        return NormalizerScanner.needsNfkc(s) ? java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC) : s;
    }

    /** Two English function words and every letter ASCII: no need to ask Lingua. */
    private static boolean clearlyEnglish(String text) {
        int hits = 0;
        int words = 0;
        for (String token : Normalizer.create().tokens(text)) {
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (Character.isLetter(c) && c >= 0x80) {
                    return false;
                }
            }
            words++;
            hits += ENGLISH_WORDS.contains(token) ? 1 : 0;
        }
        return hits >= 2 && hits * 5 >= words;
    }

    private String persianOrArabic(String text, int persianLetters, int arabicLetters) {
        boolean fa = configured.contains("fa");
        boolean ar = configured.contains("ar");
        if (fa != ar) {
            return fa ? "fa" : "ar";
        }
        if (!fa) {
            return fromLingua(detector.detectLanguageOf(text));
        }
        int persian = persianLetters;
        int arabic = arabicLetters;
        for (String token : Normalizer.create().tokens(text)) {
            persian += Words.PERSIAN.contains(token) ? 3 : 0;
            arabic += Words.ARABIC.contains(token) || token.startsWith("ال") && token.length() > 3
                    && !PERSIAN_AL_WORDS.contains(token) ? 3 : 0;
        }
        if (persian >= 2 * arabic + 3) {
            return "fa";
        }
        if (arabic >= 2 * persian + 3) {
            return "ar";
        }
        Language l = persianOrArabic.detectLanguageOf(text);
        return l == Language.ARABIC ? "ar" : l == Language.PERSIAN ? "fa" : persian >= arabic ? "fa" : "ar";
    }

    /** The function word lists in their normalised spelling, as tokens come out of the normaliser. */
    private static final class Words {
        static final Set<String> PERSIAN = normalised(PERSIAN_WORDS);
        static final Set<String> ARABIC = normalised(ARABIC_WORDS);

        private static Set<String> normalised(Set<String> words) {
            return words.stream().map(w -> Normalizer.create().normalize(w)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    private String fromLingua(Language l) {
        if (l == Language.UNKNOWN) {
            return "und";
        }
        String code = l.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
        return configured.contains(code) ? code : "und";
    }
}
