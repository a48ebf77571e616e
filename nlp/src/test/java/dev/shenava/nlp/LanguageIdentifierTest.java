package dev.shenava.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

    private final LanguageIdentifier id = new LanguageIdentifier(List.of("fa", "ar", "en"));

    @Test
    void tellsPersianFromArabicOnShortTexts() {
        assertEquals("fa", id.identify("غذا سرد بود"));
        assertEquals("fa", id.identify("خیلی خوب"));
        assertEquals("fa", id.identify("پیک دیر اومد"));
        assertEquals("fa", id.identify("مرسی از اسنپ"));
        assertEquals("ar", id.identify("الأكل بارد"));
        assertEquals("ar", id.identify("شكرا جزيلا"));
        assertEquals("ar", id.identify("الخدمة سيئة جدا"));
        assertEquals("ar", id.identify("وين الطلب؟"));
    }

    @Test
    void keepsPersianWrittenWithArabicLettersPersian() {
        assertEquals("fa", id.identify("اين كيفيت خيلي بد است"));
        assertEquals("fa", id.identify("سفارشم ديروز رسيد ولي سرد بود"));
    }

    @Test
    void mixedScriptTextGoesByItsMainScript() {
        assertEquals("fa", id.identify("سفارش از Snapp خیلی دیر رسید"));
        assertEquals("en", id.identify("I ordered from اسنپ and it was late again"));
    }

    @Test
    void identifiesEnglishAndLeavesOtherLanguagesUndetermined() {
        assertEquals("en", id.identify("the delivery was late again"));
        assertEquals("en", id.identify("thanks a lot"));
        assertEquals("und", id.identify("la livraison était très en retard aujourd'hui"));
        assertEquals("und", id.identify("Доставка опоздала на час"));
        assertEquals("und", id.identify("配送が遅れました"));
        assertEquals("und", id.identify("ڈیلیوری بہت دیر سے پہنچی، یہ ٹھیک نہیں ہے"));
    }

    @Test
    void textWithoutLettersIsUndetermined() {
        assertEquals("und", id.identify(""));
        assertEquals("und", id.identify("😂😂😂 👍"));
        assertEquals("und", id.identify("12345 !!!"));
    }

    @Test
    void respectsTheConfiguredLanguages() {
        LanguageIdentifier persianOnly = new LanguageIdentifier(List.of("fa"));
        assertEquals("fa", persianOnly.identify("الأكل بارد"));
        assertEquals("und", persianOnly.identify("the delivery was late"));
    }
}
