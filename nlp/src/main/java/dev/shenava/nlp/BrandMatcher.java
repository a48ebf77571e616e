package dev.shenava.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds tracked brands in a text, with word boundaries that understand Persian and Arabic.
 *
 * <p>Terms and text are compared after the same letter folding as {@link Normalizer} (ي/ی, ك/ک,
 * ة/ه, hamza forms, diacritics, tatweel, Eastern digits, Latin case), so any spelling matches.
 * A term matches as a whole word, also as {@code #tag}, {@code @handle} or inside a domain
 * ({@code snapp.ir}); in Persian and Arabic also with attached suffixes and clitics ("اسنپی",
 * "اسنپ‌ها", "اسنپو"), but not inside a longer word ("بالاسنپ") nor as the head of a ZWNJ compound
 * ("اسنپ‌فود"); in Arabic text also after attached proclitics ("بالزودبار", see
 * {@link #match(String, String)}). When a span of one brand lies inside a longer span of another ("اسنپ فود"), only
 * the longer one counts. An exclusion term found anywhere in the text vetoes its brand.
 * Immutable and thread-safe; build a new one when brands change.
 */
public final class BrandMatcher {

    /** What may follow a Persian or Arabic brand name in the same word: plural, possessive, clitic. */
    private static final Set<String> SUFFIXES = Set.of("ی", "یی", "ای", "ها", "های", "هایی", "هاش", "هام", "هامون",
            "ش", "اش", "م", "ام", "ت", "ات", "مون", "تون", "شون", "مان", "تان", "شان", "و", "رو", "ه", "ست", "هست",
            "یه", "هم", "هن", "کم", "کن", "نا", "ک", "یم", "ید", "ند", "تر", "ترین", "یها", "ها رو", "هاتون", "هاشون");

    private final List<Brand> brands;
    private final List<Term> terms;
    private final List<Term> excludes;

    private BrandMatcher(List<Brand> brands) {
        this.brands = List.copyOf(brands);
        List<Term> t = new ArrayList<>();
        List<Term> x = new ArrayList<>();
        for (int b = 0; b < this.brands.size(); b++) {
            for (String term : this.brands.get(b).terms()) {
                Term.compile(b, term).ifPresent(t::add);
            }
            for (String term : this.brands.get(b).excludes()) {
                Term.compile(b, term).ifPresent(x::add);
            }
        }
        this.terms = List.copyOf(t);
        this.excludes = List.copyOf(x);
    }

    /**
     * Creates a matcher for the given brands.
     *
     * @param brands the brands to find
     * @return the matcher
     */
    public static BrandMatcher create(List<Brand> brands) {
        return new BrandMatcher(brands);
    }

    /**
     * Whether {@link #match(String, String)} can answer differently by language for this text: only
     * Arabic attaches proclitics, so a text without Arabic-script letters matches the same in every
     * language and its language need not be identified for matching.
     *
     * @param text the text, possibly {@code null}
     * @return whether the text has Arabic-script letters
     */
    public static boolean languageMatters(String text) {
        return text != null && text.codePoints().anyMatch(Letters::isArabicScript);
    }

    /**
     * Finds the brands a text mentions.
     *
     * @param text the text; {@code null} and broken surrogates are tolerated
     * @return one match per brand found, in brand order, each with its spans in the original text in text order
     */
    public List<BrandMatch> match(String text) {
        return match(text, "und");
    }

    /**
     * Finds the brands a text in a known language mentions. In Arabic ({@code ar}), an
     * Arabic-script term of four letters or more also matches after the proclitics written
     * attached to it: و, ف, ب, ل, ك, ال and combinations ("وزودبار", "بالزودبار", "للراجحي" for
     * "الراجحي"). In any other language, Persian included, a brand inside a longer word
     * ("بالاسنپ") is no match.
     *
     * @param text     the text; {@code null} and broken surrogates are tolerated
     * @param language the text's language code as {@link TextAnalyzer} identifies it ({@code fa}, {@code ar},
     *                 {@code en}, {@code und}, ...); {@code null} is taken as unknown
     * @return one match per brand found, in brand order, each with its spans in the original text in text order
     */
    public List<BrandMatch> match(String text, String language) {
        if (text == null || text.isEmpty() || brands.isEmpty()) {
            return List.of();
        }
        boolean arabic = "ar".equals(language);
        FoldedText folded = FoldedText.of(text);
        boolean[] vetoed = new boolean[brands.size()];
        for (Term x : excludes) {
            if (!vetoed[x.brand()] && !folded.find(x, arabic).isEmpty()) {
                vetoed[x.brand()] = true;
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (Term t : terms) {
            if (!vetoed[t.brand()]) {
                for (int[] se : folded.find(t, arabic)) {
                    hits.add(new Hit(t, se[0], se[1]));
                }
            }
        }
        return group(folded, dropContained(hits));
    }

    private static List<Hit> dropContained(List<Hit> hits) {
        List<Hit> kept = new ArrayList<>();
        for (Hit h : hits) {
            boolean inside = false;
            for (Hit o : hits) {
                if (o != h && o.start() <= h.start() && h.end() <= o.end()
                        && (o.end() - o.start() > h.end() - h.start() || o.term().brand() == h.term().brand() && o.start() == h.start()
                        && o.end() == h.end() && hits.indexOf(o) < hits.indexOf(h))) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                kept.add(h);
            }
        }
        return kept;
    }

    private List<BrandMatch> group(FoldedText folded, List<Hit> hits) {
        Map<Integer, List<BrandMatch.Span>> byBrand = new LinkedHashMap<>();
        hits.sort(Comparator.comparingInt(Hit::start));
        for (Hit h : hits) {
            byBrand.computeIfAbsent(h.term().brand(), k -> new ArrayList<>())
                    .add(new BrandMatch.Span(folded.originalStart(h.start()), folded.originalEnd(h.end()), h.term().original()));
        }
        List<BrandMatch> out = new ArrayList<>();
        for (int b = 0; b < brands.size(); b++) {
            List<BrandMatch.Span> spans = byBrand.get(b);
            if (spans != null) {
                out.add(new BrandMatch(brands.get(b).id(), spans));
            }
        }
        return out;
    }

    static boolean isSuffix(String s) {
        return SUFFIXES.contains(s);
    }

    private record Hit(Term term, int start, int end) {
    }
}
