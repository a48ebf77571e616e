package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Text cleaned as it arrives, in chars or in UTF-8 bytes, is the text {@link Html#clean(char[], int)} gives. */
class CleanTextTest {

    /** Characters that each take their own branch of the cleaning, and the scripts pages are written in. */
    private static final String ALPHABET = "ab Z9.  \t\n\r\f\u000B\u00A0\u0001\u001F\u007F\u0080\u0085\u009F\u00A1"
            + "\u00E9\u0627\u0641\u06CC\u200B\u200C\u2003\u3000\uFEFF";

    /** Letters of the Arabic block (U+0600 to U+06FF), leads 0xD8 to 0xDB in UTF-8. */
    private static final String PERSIAN = "\u0600\u0627\u0628\u067E\u0633\u0641\u06A9\u06AF\u06CC\u06FF\u0640";

    @Test
    void cleansCharsArrivingInPiecesAsTheWholeTextIsCleaned() {
        Random random = new Random(11);
        for (int k = 0; k < 20_000; k++) {
            String text = randomText(random);
            CleanText clean = new CleanText(new Html.Chars(random.nextInt(20)));
            char[] chars = text.toCharArray();
            for (int from = 0; from < chars.length; ) {
                int to = Math.min(chars.length, from + random.nextInt(6));
                if (to == from + 1 && random.nextBoolean()) {
                    clean.add(chars[from]);
                } else {
                    clean.add(chars, from, to);
                }
                from = to;
            }
            assertEquals(Html.clean(text.toCharArray(), text.length()), clean.text(), text);
        }
    }

    @Test
    void decodesAndCleansUtf8AsTheDecoderAndTheWholeTextCleaning() {
        Random random = new Random(12);
        for (int k = 0; k < 20_000; k++) {
            String text = randomText(random);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(4) == 0 && utf8.length > 0) { // broken: a byte changed or cut
                utf8[random.nextInt(utf8.length)] = (byte) (0x80 | random.nextInt(0x80));
            }
            char[] decoded = new char[utf8.length];
            int length = Charsets.decodeUtf8(utf8, 0, utf8.length, decoded, 0);
            CleanText clean = new CleanText(new Html.Chars(16));
            boolean wellFormed = true;
            for (int from = 0; from < utf8.length; ) {
                int to = nextAscii(utf8, from + 1 + random.nextInt(8)); // pieces end where markup would: at ASCII
                wellFormed &= clean.addUtf8(utf8, from, to);
                from = to;
            }
            assertEquals(length >= 0, wellFormed, text);
            if (wellFormed) {
                assertEquals(Html.clean(decoded, length), clean.text(), text);
            }
        }
    }

    @Test
    void readsUpToMarkupAReferenceOrNulAsTheTextBeforeIsCleaned() {
        Random random = new Random(13);
        String stops = "<&\u0000";
        for (int k = 0; k < 20_000; k++) {
            String text = randomText(random) + (random.nextBoolean() ? stops.charAt(random.nextInt(3)) : "")
                    + randomText(random);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            int first = utf8.length;
            for (int i = utf8.length - 1; i >= 0; i--) {
                first = utf8[i] == '<' || utf8[i] == '&' || utf8[i] == 0 ? i : first;
            }
            String before = "\n" + randomText(random);
            CleanText clean = new CleanText(new Html.Chars(random.nextInt(20)));
            clean.add(before.toCharArray(), 0, before.length());
            long mark = clean.mark();
            int stop = clean.upToMarkup(utf8, 0, utf8.length);
            char[] decoded = new char[first];
            int length = Charsets.decodeUtf8(utf8, 0, first, decoded, 0);
            assertEquals(length < 0 ? -1 : first, stop, text);
            if (length >= 0) {
                String whole = before + new String(decoded, 0, length);
                assertEquals(Html.clean(whole.toCharArray(), whole.length()), clean.text(), text);
                clean.reset(mark);
                assertEquals(Html.clean(before.toCharArray(), before.length()), clean.text(), text);
            }
        }
    }

    private static int nextAscii(byte[] b, int from) {
        int k = Math.min(from, b.length);
        while (k < b.length && b[k] < 0) {
            k++;
        }
        return k;
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(30); n > 0; n--) {
            if (random.nextInt(8) == 0) { // a Persian word: two-byte sequences in a row
                for (int k = random.nextInt(12); k >= 0; k--) {
                    b.append(PERSIAN.charAt(random.nextInt(PERSIAN.length())));
                }
            } else if (random.nextInt(6) == 0) { // words of a sentence: Persian (a non-joiner inside) or ASCII
                for (int w = random.nextInt(6); w >= 0; w--) {
                    boolean persian = random.nextBoolean();
                    for (int k = random.nextInt(7); k >= 0; k--) {
                        b.append(persian ? random.nextInt(6) == 0 ? '\u200C' : PERSIAN.charAt(random.nextInt(
                                PERSIAN.length())) : (char) ('a' + random.nextInt(26)));
                    }
                    b.append(random.nextInt(8) == 0 ? "." : "").append(' ');
                }
            } else if (random.nextInt(30) == 0) {
                b.appendCodePoint(0x1F600 + random.nextInt(40)); // a pair of surrogates
            } else {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return b.toString();
    }
}
