package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextHandlingTest {

    @Test
    void canonicalUrlsDropTrackingParametersAndFragments() {
        assertEquals("https://example.com/a?id=3",
                Urls.canonical("HTTPS://Example.COM:443/a?utm_source=x&id=3&fbclid=abc&gclid=1#top"));
        assertEquals("https://example.com/a", Urls.canonical("https://example.com/a?utm_medium=feed"));
        assertEquals("https://site.example/story", Urls.canonical(
                "https://www.google.com/url?rct=j&sa=t&url=https://site.example/story%3Futm_source%3Dga&ct=ga"));
    }

    @Test
    void plainAddressesAreThoseOkHttpWritesUnchanged() {
        java.util.Random random = new java.util.Random(11);
        String alphabet = "aZ09-._~!$&'()*+,;=:@/%?#\\ é[]|^{}`\"<>";
        int plain = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder url = new StringBuilder(random.nextBoolean() ? "https://" : "http://");
            url.append(List.of("t.me", "news.example", "a-b.example", "Ex.com", "x..y", ".x.com", "x.com.", "[::1]",
                    "h:8080", "h:443").get(random.nextInt(10)));
            url.append(random.nextInt(10) > 0 ? "/" : "");
            for (int k = random.nextInt(14); k >= 0; k--) {
                url.append(alphabet.charAt(random.nextInt(random.nextInt(8) > 0 ? 18 : alphabet.length())));
            }
            String u = url.toString();
            if (Urls.plain(u)) {
                plain++;
                okhttp3.HttpUrl parsed = okhttp3.HttpUrl.parse(u);
                assertEquals(u, parsed == null ? null : parsed.toString(), u);
            }
        }
        assertTrue(plain > 5_000, "only " + plain + " plain addresses");
        assertEquals("https://t.me/bench_channel/7", Urls.canonical("https://t.me/bench_channel/7"));
    }

    @Test
    void canonicalAddressesWithoutAParseAreThoseOkHttpWouldWrite() {
        java.util.Random random = new java.util.Random(13);
        List<String> pieces = List.of("a", "Z", "0", "=", "&", "utm_source", "UTM_Medium", "fbclid", "id", "+", "%20",
                "'", "#", "?", "/", "~", ".", "é", ";", "*");
        for (int i = 0; i < 50_000; i++) {
            StringBuilder url = new StringBuilder(List.of("https://news.example/story/7", "http://t.me/x",
                    "https://www.google.com/url", "https://Ex.com/a").get(random.nextInt(4))).append('?');
            for (int k = random.nextInt(10); k >= 0; k--) {
                url.append(pieces.get(random.nextInt(pieces.size())));
            }
            String u = url.toString();
            assertEquals(Urls.parsedCanonical(u), Urls.canonical(u), u);
            if (Urls.unchangedByParse(u)) {
                assertEquals(u, FeedConnector.resolve("https://base.example/feed.xml", u), u);
                assertEquals(u, okhttp3.HttpUrl.parse(u).toString(), u);
            }
        }
        assertEquals("https://news.example/story/1?id=3", Urls.canonical("https://news.example/story/1?utm_source=rss&id=3"));
    }

    @Test
    void simpleCanonicalGivesTheParsedCanonicalFormOfAddressesUnchangedByParse() {
        java.util.Random random = new java.util.Random(17);
        List<String> pieces = List.of("a", "Z", "0", "=", "&", "utm_source", "fbclid", "id", "+", "%20", "'", "#", "?",
                "/", "~", ".", "..", "/.", "/..", "é", ";", "*", "-", ":", "@");
        List<String> starts = List.of("https://news.example", "http://t.me", "https://www.google.com/url", "https://Ex.com",
                "https://a-b.example", "https://-a.example", "https://a..b", "http://x.com.", "https://h:8080", "ftp://x.y",
                "https://", "https:/x.y");
        int simple = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder url = new StringBuilder(starts.get(random.nextInt(starts.size())))
                    .append(random.nextInt(4) > 0 ? "/" : "");
            for (int k = random.nextInt(12); k >= 0; k--) {
                url.append(pieces.get(random.nextInt(pieces.size())));
            }
            String u = url.toString();
            String canonical = Urls.simpleCanonical(u);
            assertEquals(Urls.unchangedByParse(u), canonical != null, u);
            if (canonical != null) {
                simple++;
                assertEquals(Urls.parsedCanonical(u), canonical, u);
                assertEquals(u, okhttp3.HttpUrl.parse(u).toString(), u);
            }
        }
        assertTrue(simple > 3_000, "only " + simple + " simple addresses");
    }

    @Test
    void contentHashIgnoresArabicPersianLetterFormsDigitsAndLinks() {
        assertEquals(ContentHash.of("", "سفارش ۱۲ رسيد https://t.co/x"), ContentHash.of("", "سفارش 12  رسید"));
        assertEquals(ContentHash.of("", "كتاب"), ContentHash.of("", "کتاب"));
        assertNotEquals(ContentHash.of("", "late delivery"), ContentHash.of("", "fast delivery"));
    }

    @Test
    void detectsCharsetFromBomHeaderDeclarationAndMeta() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        assertEquals(StandardCharsets.UTF_8, Charsets.detect(bom, "text/html; charset=windows-1256"));
        assertEquals(Charset.forName("windows-1256"), Charsets.detect("x".getBytes(), "text/html; charset=\"windows-1256\""));
        assertEquals(Charset.forName("EUC-KR"), Charsets.detect("<?xml version='1.0' encoding='euc-kr'?><a/>".getBytes(), ""));
        assertEquals(Charset.forName("windows-1256"),
                Charsets.detect("<html><head><meta charset=windows-1256>".getBytes(), "text/html"));
        assertEquals(StandardCharsets.UTF_16LE, Charsets.detect("<?xml".getBytes(StandardCharsets.UTF_16LE), ""));
        assertEquals(Charset.forName("windows-1252"), Charsets.detect(new byte[] {'c', 'a', 'f', (byte) 0xE9}, ""));
        assertEquals("don\u2019t", Text.demoronize("don\u0092t"));
    }

    @Test
    void utf8CheckAgreesWithTheJdkDecoder() {
        java.util.Random random = new java.util.Random(7);
        byte[][] seeds = {"ارسال سفارش late 😀".getBytes(StandardCharsets.UTF_8), {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE0, (byte) 0x9F, (byte) 0xBF}, {(byte) 0xE2, (byte) 0x82}};
        for (byte[] seed : seeds) {
            assertEquals(Charsets.decodesAsUtf8(seed), Charsets.isUtf8(seed), java.util.Arrays.toString(seed));
        }
        for (int i = 0; i < 50_000; i++) {
            byte[] bytes = seeds[0].clone();
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            assertEquals(Charsets.decodesAsUtf8(bytes), Charsets.isUtf8(bytes), java.util.Arrays.toString(bytes));
        }
    }

    @Test
    void readsResetHeadersInEveryDialect() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        assertEquals(Duration.ofSeconds(30), RetryInterceptor.resetToWait("30", now).orElseThrow());
        assertEquals(Duration.ofMillis(1500), RetryInterceptor.resetToWait("1.5", now).orElseThrow());
        assertEquals(Duration.ofSeconds(60), RetryInterceptor.resetToWait("1795341660", now).orElseThrow());
        assertEquals(Duration.ofMinutes(5), RetryInterceptor.resetToWait("2026-11-22T10:05:00.070Z", now).orElseThrow()
                .withNanos(0));
        assertEquals(Duration.ofSeconds(90), RetryInterceptor.resetToWait("Sun, 22 Nov 2026 10:01:30 GMT", now).orElseThrow());
        assertEquals(Duration.ZERO, RetryInterceptor.resetToWait("2020-01-01T00:00:00Z", now).orElseThrow());
    }

    @Test
    void readsAbbreviatedTelegramCounts() {
        assertEquals(37_200, TelegramConnector.count("37.2K"));
        assertEquals(1_200_000, TelegramConnector.count("1.2M"));
        assertEquals(845, TelegramConnector.count("845"));
        assertEquals(0, TelegramConnector.count("n/a"));
        java.util.Random random = new java.util.Random(5);
        String alphabet = "0123456789.,KMBkmb x";
        for (int t = 0; t < 20_000; t++) {
            StringBuilder raw = new StringBuilder();
            for (int k = random.nextInt(7); k >= 0; k--) {
                raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(countByUpperCasing(raw.toString()), TelegramConnector.count(raw.toString()), raw.toString());
        }
    }

    @Test
    void htmlTextKeepsLineBreaksAndZwnj() {
        assertEquals("می\u200Cروم\nخانه", Html.text("<p>می\u200Cروم<br/>خانه</p>"));
    }

    /** The reading of a view count that the quick one must agree with. */
    private static long countByUpperCasing(String raw) {
        String s = raw.replace(",", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (s.isEmpty()) {
            return 0;
        }
        double factor = switch (s.charAt(s.length() - 1)) {
            case 'K' -> 1e3;
            case 'M' -> 1e6;
            case 'B' -> 1e9;
            default -> 1;
        };
        try {
            return Math.round(Double.parseDouble(factor == 1 ? s : s.substring(0, s.length() - 1)) * factor);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
