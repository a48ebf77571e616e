package dev.shenava.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrandMatcherTest {

    private static final Brand SNAPP = new Brand("snapp", "Snapp", List.of("اسنپ", "Snapp", "snapp.ir"), List.of("snapp chat"), List.of("tapsi"));
    private static final Brand SNAPPFOOD = new Brand("snappfood", "SnappFood", List.of("اسنپ فود", "snappfood"), List.of(), List.of());
    private static final Brand TALABAT = new Brand("talabat", "Talabat", List.of("طلبات"), List.of("طلبات الشراء"), List.of());

    private final BrandMatcher matcher = BrandMatcher.create(List.of(SNAPP, TALABAT));

    private List<String> ids(String text) {
        return matcher.match(text).stream().map(BrandMatch::brandId).toList();
    }

    @Test
    void matchesPersianWithAttachedSuffixesAndClitics() {
        assertEquals(List.of("snapp"), ids("راننده اسنپی بود"));
        assertEquals(List.of("snapp"), ids("اسنپ‌ها گران شدند"));
        assertEquals(List.of("snapp"), ids("اسنپو نصب کردم"));
        assertEquals(List.of("snapp"), ids("اسنپ‌های امروز"));
    }

    @Test
    void rejectsBrandInsideLongerWordOrCompound() {
        assertEquals(List.of(), ids("بالاسنپ رفتم"));
        assertEquals(List.of(), ids("اسنپ‌فود دیر آورد"));
        assertEquals(List.of(), ids("snapper is a fish"));
        assertEquals(List.of(), ids("mysnapp.com"));
    }

    @Test
    void reportsSpansInTheOriginalText() {
        String text = "سلام، اسنپ خوب بود";
        BrandMatch m = matcher.match(text).getFirst();
        BrandMatch.Span s = m.spans().getFirst();
        assertEquals("اسنپ", text.substring(s.start(), s.end()));
        assertEquals("اسنپ", s.term());
    }

    @Test
    void matchesLatinCaseInsensitivelyAsHashtagHandleAndDomain() {
        String text = "SNAPP is late #snapp @snapp visit https://www.snapp.ir/help";
        BrandMatch m = matcher.match(text).getFirst();
        assertEquals(4, m.spans().size());
        assertEquals("SNAPP", text.substring(m.spans().get(0).start(), m.spans().get(0).end()));
        assertEquals("snapp.ir", text.substring(m.spans().get(3).start(), m.spans().get(3).end()));
        assertEquals(List.of(), ids("@snapp_food is a different account"));
    }

    @Test
    void matchesArabicSpellingsAndDiacritics() {
        assertEquals(List.of("snapp"), ids("اِسنَپ خوبه"));
        assertEquals(List.of("talabat"), ids("طلباتي وصلت"));
        String text = "خدمة طلبـــات ممتازة";
        BrandMatch.Span s = matcher.match(text).getFirst().spans().getFirst();
        assertEquals("طلبـــات", text.substring(s.start(), s.end()));
    }

    @Test
    void exclusionTermVetoesTheBrand() {
        assertEquals(List.of(), ids("I love Snapp Chat filters, not snapp"));
        assertEquals(List.of(), ids("قائمة طلبات الشراء"));
        assertEquals(List.of("talabat"), ids("طلبات تأخرت"));
    }

    @Test
    void longerBrandWinsOverTheBrandItContains() {
        BrandMatcher both = BrandMatcher.create(List.of(SNAPP, SNAPPFOOD));
        assertEquals(List.of("snappfood"), both.match("اسنپ فود دیر آورد").stream().map(BrandMatch::brandId).toList());
        assertEquals(List.of("snappfood"), both.match("اسنپ‌فود دیر آورد").stream().map(BrandMatch::brandId).toList());
        assertEquals(List.of("snapp", "snappfood"), both.match("اسنپ و اسنپ فود").stream().map(BrandMatch::brandId).toList());
    }

    @Test
    void matchesMultiWordTermsWrittenWithArabicLettersAndAnyJoiner() {
        BrandMatcher digikala = BrandMatcher.create(List.of(new Brand("digikala", "Digikala", List.of("دیجی‌کالا"), List.of(), List.of())));
        for (String text : List.of("از ديجي كالا خريدم", "از ديجيكالا خريدم", "از دیجی‌کالا خریدم", "#دیجی_کالا", "دیجی‌کالایی‌ها")) {
            assertEquals(1, digikala.match(text).size(), text);
        }
        assertEquals(List.of(), digikala.match("دیجی‌کالاسنج"));
    }

    private static final Brand ZODBAR = new Brand("zodbar", "Zodbar", List.of("زودبار"), List.of(), List.of());
    private static final Brand RAJHI = new Brand("rajhi", "Al Rajhi", List.of("الراجحي"), List.of(), List.of());

    private static List<String> ids(BrandMatcher m, String text, String lang) {
        return m.match(text, lang).stream().map(BrandMatch::brandId).toList();
    }

    @Test
    void matchesArabicBrandAfterAttachedProcliticsInArabic() {
        BrandMatcher m = BrandMatcher.create(List.of(ZODBAR, TALABAT));
        for (String text : List.of("وزودبار وصل متأخر", "بالزودبار ما في شي", "فزودبار أحسن", "لزودبار خدمة سيئة",
                "كزودبار", "والزودبار", "وبالزودبار", "للزودبار فرع جديد", "فبالزودبار", "وكالزودبار")) {
            assertEquals(List.of("zodbar"), ids(m, text, "ar"), text);
        }
        assertEquals(List.of("talabat"), ids(m, "طلبنا من وطلبات", "ar"));
    }

    @Test
    void reportsOnlyTheBrandPartOfAWordWithProclitics() {
        String text = "طلبت بالزودبار أمس";
        BrandMatch.Span s = BrandMatcher.create(List.of(ZODBAR)).match(text, "ar").getFirst().spans().getFirst();
        assertEquals("زودبار", text.substring(s.start(), s.end()));
    }

    @Test
    void matchesArticleBrandAfterLamThatTakesTheAlefsPlace() {
        BrandMatcher m = BrandMatcher.create(List.of(RAJHI));
        for (String text : List.of("للراجحي فرع هنا", "وللراجحي", "بالراجحي", "والراجحي", "مصرف الراجحي")) {
            assertEquals(List.of("rajhi"), ids(m, text, "ar"), text);
        }
        assertEquals(List.of(), ids(m, "للراجحيين", "ar"));
    }

    @Test
    void keepsPersianAndUnknownLanguageRuleForProcliticLookalikes() {
        BrandMatcher m = BrandMatcher.create(List.of(SNAPP, ZODBAR));
        assertEquals(List.of(), ids(m, "بالاسنپ رفتم", "fa"));
        assertEquals(List.of(), ids(m, "وزودبار", "fa"));
        assertEquals(List.of(), ids(m, "بالزودبار", "und"));
        assertEquals(List.of(), m.match("بالزودبار").stream().map(BrandMatch::brandId).toList());
        assertEquals(List.of("zodbar"), ids(m, "بالزودبار", "ar"));
    }

    @Test
    void rejectsArabicWordsWhereTheBrandFollowsOtherLettersOrIsTooShortForProclitics() {
        BrandMatcher m = BrandMatcher.create(List.of(ZODBAR, new Brand("noon", "Noon", List.of("نون"), List.of(), List.of())));
        assertEquals(List.of(), ids(m, "مزودبار", "ar"));
        assertEquals(List.of(), ids(m, "الأوزودبار", "ar"));
        assertEquals(List.of(), ids(m, "قانون", "ar"));
        // a three-letter term takes no proclitics: "فنون" is "arts", not "and Noon"
        assertEquals(List.of(), ids(m, "معرض فنون", "ar"));
        assertEquals(List.of("noon"), ids(m, "طلبت من نون", "ar"));
    }

    @Test
    void toleratesNullBrokenSurrogatesAndHugeText() {
        assertEquals(List.of(), matcher.match(null));
        assertEquals(List.of("snapp"), ids("\uD800اسنپ\uDC00"));
        String big = "x ".repeat(500_000) + " snapp";
        assertTrue(matcher.match(big).getFirst().spans().size() == 1);
    }

    @Test
    void languageMattersOnlyForTextWithArabicScriptLetters() {
        assertTrue(BrandMatcher.languageMatters("Snapp وزودبار"));
        assertTrue(BrandMatcher.languageMatters("پیک دیر رسید"));
        assertFalse(BrandMatcher.languageMatters("The Zoodbar courier was late"));
        assertFalse(BrandMatcher.languageMatters(""));
        assertFalse(BrandMatcher.languageMatters(null));
    }
}
