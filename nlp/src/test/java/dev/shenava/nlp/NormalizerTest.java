package dev.shenava.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalizerTest {

    private final Normalizer normalizer = Normalizer.create();

    private String n(String s) {
        return normalizer.normalize(s);
    }

    @Test
    void unifiesZwnjSpaceAndMissingJoinerInVerbs() {
        assertEquals("میکنند", n("می‌کنند"));
        assertEquals("میکنند", n("می کنند"));
        assertEquals("میکنند", n("میکنند"));
        assertEquals("نمیدونم", n("نمی دونم"));
    }

    @Test
    void joinsPluralAndComparativeSuffixes() {
        assertEquals("کتابها خوب", n("کتاب ها خوب"));
        assertEquals("کتابها خوب", n("کتاب‌ها خوب"));
        assertEquals("بهترین", n("به‌ترین"));
        assertEquals("ارزانترین", n("ارزان ترین"));
        assertEquals("ارزانترین", n("ارزان‌ترین"));
    }

    @Test
    void joinsCliticsAfterHeh() {
        assertEquals(n("خانه‌ای"), n("خانه ای"));
        assertEquals("رفتهام", n("رفته ام"));
        assertEquals("رفتهام", n("رفته‌ام"));
        assertEquals("خانهاش", n("خانه اش"));
    }

    @Test
    void foldsEzafeAfterHeh() {
        assertEquals(n("خانۀ من"), n("خانه‌ی من"));
        assertEquals(n("خانۀ من"), n("خانه ی من"));
        assertEquals("خانه من", n("خانهٔ من"));
    }

    @Test
    void arabicLettersInPersianTextMatchPersianSpelling() {
        assertEquals(n("کیفیت عالی"), n("كيفيت عالي"));
        assertEquals(n("مدرسه"), n("مدرسة"));
        assertEquals(n("علی"), n("على"));
    }

    @Test
    void foldsHamzaFormsAndRemovesDiacriticsAndTatweel() {
        assertEquals("احمد", n("أحمد"));
        assertEquals("اسلام", n("إسلام"));
        assertEquals("اب", n("آب"));
        assertEquals("مسوول", n("مسؤول"));
        assertEquals("مکتبه", n("مَكْتَبَةٌ"));
        assertEquals("عالی", n("عـــالی"));
        assertEquals("رحمن", n("رحمٰن"));
    }

    @Test
    void convertsEasternDigitsToAscii() {
        assertEquals("12 345", n("۱۲ ٣٤٥"));
        assertEquals("3.5", n("۳٫۵"));
    }

    @Test
    void squeezesElongation() {
        assertEquals("عالی", n("عاااالی"));
        assertEquals("خیلی خوب", n("خیلیییییی خوووب"));
        assertEquals("soo good", n("Sooooo GOOOOD"));
        assertEquals("1000", n("1000"));
    }

    @Test
    void splitsHashtagsIntoWords() {
        assertEquals("خدمات مشتری", n("#خدمات_مشتری"));
        assertEquals("customer service", n("#CustomerService"));
        assertEquals("snapp food", n("#snapp_food"));
    }

    @Test
    void keepsUrlsHandlesAndEmojiAsTokens() {
        assertEquals("سلام @snapp_support https://snapp.ir/help عالی", n("سلام @Snapp_Support https://snapp.ir/help، عالی"));
        assertEquals("خوب 😍 ❤", n("خوب😍😍😍 ❤️"));
        assertEquals("👨\u200D👩\u200D👧", n("👨‍👩‍👧"));
    }

    @Test
    void lowerCasesLatinAndKeepsDomainsAndContractions() {
        assertEquals("i don't like snapp.ir", n("I DON'T like Snapp.ir!"));
        assertEquals("cafe", n("Café"));
    }

    @Test
    void leavesNoZwnjOrPunctuationInsideTokens() {
        String out = n("سلام،خوبی؟ این‌ها «بهترین» هستند... واقعاً!!");
        assertFalse(out.contains("\u200C"));
        assertEquals("سلام خوبی اینها بهترین هستند واقعا", out);
    }

    @Test
    void survivesBrokenSurrogatesControlsAndPresentationForms() {
        assertEquals("ab cd", n("a\uD800b\u0000cd"));
        assertEquals("", n(null));
        assertEquals("", n(""));
        assertEquals("لا", n("\uFEFB"));
        assertEquals("سلام", n("\uFEB3\uFEE0\uFE8E\uFEE1"));
    }

    @Test
    void normalisesAMegabyteWithoutTrouble() {
        String big = "می کنند عاااالی 😍 ".repeat(60_000);
        String out = n(big);
        assertTrue(out.startsWith("میکنند عالی 😍 میکنند"));
    }

    @Test
    void isIdempotent() {
        String once = n("#خدمات_مشتری می کنند كتاب ها ۱۲ Sooooo @A_b https://X.ir 😍");
        assertEquals(once, n(once));
    }
}
