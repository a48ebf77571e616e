package dev.shenava.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    private static final TextAnalyzer ANALYZER = TextAnalyzer.create();

    private static Map<Touchpoint, Sentiment> touchpoints(Analysis a) {
        return a.touchpoints().stream().collect(Collectors.toMap(TouchpointSentiment::touchpoint, t -> t.sentiment().label()));
    }

    @Test
    void scoresSentencesWeWroteInEachLanguage() {
        assertEquals(Sentiment.POSITIVE, ANALYZER.analyze("غذا خیلی خوشمزه و داغ بود، ممنون از پیک مودب").sentiment().label());
        assertEquals(Sentiment.NEGATIVE, ANALYZER.analyze("غذا سرد و بی‌کیفیت بود، دیگه سفارش نمیدم").sentiment().label());
        assertEquals(Sentiment.POSITIVE, ANALYZER.analyze("الخدمة ممتازة والتوصيل سريع، شكرا لكم").sentiment().label());
        assertEquals(Sentiment.NEGATIVE, ANALYZER.analyze("الطلب وصل بارد والخدمة سيئة جدا").sentiment().label());
        assertEquals(Sentiment.POSITIVE, ANALYZER.analyze("Great service, the food arrived hot and fresh. Thank you!").sentiment().label());
        assertEquals(Sentiment.NEGATIVE, ANALYZER.analyze("Terrible app, it keeps crashing and support never answers").sentiment().label());
    }

    @Test
    void scoresStayInRangeAndFollowTheLabel() {
        SentimentScore s = ANALYZER.analyze("عالی بود واقعا ممنون").sentiment();
        assertTrue(s.score() > 0 && s.score() <= 1);
        assertTrue(s.confidence() > 0.5 && s.confidence() <= 1);
    }

    @Test
    void aLanguageTheCallerKnowsPicksTheModelsInsteadOfIdentification() {
        String text = "Terrible app, it keeps crashing and support never answers";
        Analysis identified = ANALYZER.analyze(text);
        assertEquals("en", identified.language());
        assertEquals(identified, ANALYZER.analyze(text, "en"));
        assertEquals(identified, ANALYZER.analyze(text, ""));
        Analysis german = ANALYZER.analyze(text, "de");
        assertEquals("de", german.language());
        assertEquals(Sentiment.NEUTRAL, german.sentiment().label(), "no sentiment model is configured for de");
        assertEquals("fa", ANALYZER.analyze("", "fa").language());
    }

    @Test
    void givesEachTouchpointTheSentimentOfItsClause() {
        Analysis en = ANALYZER.analyze("The delivery was fast, but the driver was rude.");
        assertEquals(Sentiment.POSITIVE, touchpoints(en).get(Touchpoint.DELIVERY));
        assertEquals(Sentiment.NEGATIVE, touchpoints(en).get(Touchpoint.STAFF));
        Analysis fa = ANALYZER.analyze("قیمتش مناسب و عالی بود ولی پشتیبانی اصلا جواب نداد");
        assertEquals(Sentiment.POSITIVE, touchpoints(fa).get(Touchpoint.PRICE));
        assertEquals(Sentiment.NEGATIVE, touchpoints(fa).get(Touchpoint.SUPPORT));
        Analysis ar = ANALYZER.analyze("التطبيق ممتاز لكن التوصيل سيء جدا ومتأخر");
        assertEquals(Sentiment.POSITIVE, touchpoints(ar).get(Touchpoint.APP));
        assertEquals(Sentiment.NEGATIVE, touchpoints(ar).get(Touchpoint.DELIVERY));
        assertEquals("التوصيل", ar.touchpoints().stream().filter(t -> t.touchpoint() == Touchpoint.DELIVERY).findFirst().orElseThrow().evidence());
    }

    @Test
    void normalisedTextIsTheNormalizerOutput() {
        String text = "می کنند كتاب‌ها #خدمات_مشتری عاااالی @Snapp 😍";
        assertEquals(Normalizer.create().normalize(text), ANALYZER.analyze(text).normalizedText());
    }

    @Test
    void splitsSentencesWithOffsetsIntoTheText() {
        String text = "The app is great. The delivery was late!";
        Analysis a = ANALYZER.analyze(text);
        assertEquals(2, a.sentences().size());
        assertEquals("The app is great.", text.substring(a.sentences().get(0).start(), a.sentences().get(0).end()));
        assertEquals("The delivery was late!", text.substring(a.sentences().get(1).start(), a.sentences().get(1).end()));
    }

    @Test
    void extractsKeyPhrasesWithoutStopWords() {
        List<String> phrases = ANALYZER.analyze("the customer service of the app is slow and the customer service is rude").keyPhrases();
        assertEquals("customer service", phrases.getFirst());
        assertFalse(phrases.contains("the"));
        assertFalse(phrases.contains("and"));
    }

    @Test
    void keyPhrasesStayInsideTheirSentenceAndSkipQuestionWords() {
        List<String> phrases = ANALYZER.analyze("هل تندبار يعمل اليوم؟ الطلب وصل متأخر جدا").keyPhrases();
        assertTrue(phrases.contains("الطلب وصل متاخر"), phrases.toString());
        assertFalse(phrases.contains("الیوم الطلب"), phrases.toString());
        assertFalse(phrases.stream().anyMatch(p -> p.startsWith("هل")), phrases.toString());
    }

    @Test
    void answersForEmptyEmojiOnlyAndBrokenInput() {
        Analysis empty = ANALYZER.analyze("");
        assertEquals("und", empty.language());
        assertEquals(Sentiment.NEUTRAL, empty.sentiment().label());
        assertEquals("und", ANALYZER.analyze(null).language());
        Analysis emoji = ANALYZER.analyze("😍😍😍");
        assertEquals("😍", emoji.normalizedText());
        assertFalse(emoji.truncated());
        Analysis broken = ANALYZER.analyze("\uD83D خیلی بد بود \uDE00");
        assertEquals("fa", broken.language());
        assertEquals("und", ANALYZER.analyze("Доставка опоздала на час").language());
    }

    @Test
    void givesTheSameAnswersFromManyThreads() {
        List<String> texts = NlpBenchmark.texts(300, new java.util.Random(3));
        List<Analysis> sequential = texts.stream().map(ANALYZER::analyze).toList();
        List<Analysis> parallel = texts.parallelStream().map(TextAnalyzer.create()::analyze).toList();
        assertEquals(sequential, parallel);
    }

    @Test
    void cutsAMegabyteTextAtTheLimitAndSaysSo() {
        String big = "غذا خوب بود ولی پیک دیر رسید. ".repeat(40_000);
        Analysis a = ANALYZER.analyze(big);
        assertTrue(a.truncated());
        assertTrue(a.sentences().getLast().end() <= NlpConfig.defaults().maxChars());
        assertEquals("fa", a.language());
        Analysis small = TextAnalyzer.create(new NlpConfig(List.of("en"), 10, 3)).analyze("abcdefghi😍");
        assertTrue(small.truncated());
        assertEquals("abcdefghi", small.normalizedText());
    }
}
