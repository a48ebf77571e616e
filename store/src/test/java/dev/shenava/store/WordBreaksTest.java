package dev.shenava.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordBreaksTest {

    /** Characters whose breaks the scan decides itself, and a few it must hand to the iterator. */
    private static final String ALPHABET = "abcXYZéßçñ01239٠١٢۴۵۶سلامکیفتگچپژيكةىأإآءـ"
            + "   \t\n\r\u00A0\u2009.,'\"-\u2010\u2013\u2014\u2027#$€£¢%&٪٫٬،؛؟!?;:()[]{}/\\*+=<>@^`|~«»“”‘’…•"
            + "\u064B\u064E\u0650\u0651\u0652\u0670\u200C\u200D\u00AD_©®°\u0600\u061C\u2030";
    private static final String[] SUPPLEMENT = {"\uD83D\uDE00", "\u4E2D\u6587", "\u0E44\u0E17\u0E22", "\uFEB3\uFEDF",
            "\u0964", "\u00B2", "\u2028"};

    @Test
    void piecesAreTheWordIteratorsOnOwnTexts() {
        for (String text : List.of("don't stop, e.g. this: 3.14 and 1,000 at $5.00 (50%) e-commerce",
                "کیفیت غذا خیلی خوب بود، ولی پیک دیر رسید! می‌خواهم ۲۵٪ تخفیف بگیرم.",
                "الجودة ممتازة لكنّ التوصيل تأخّر ٣٠ دقيقة؛ سأطلب مرة أخرى.",
                "#5abc .5x a.5.b 5..5 a''b a--b x_y a@b.com 5&x ¢5 5¢ $$5 a\u200C b \u200Ca")) {
            assertEquals(iterated(text), scanned(text), text);
        }
    }

    @Test
    void piecesAreTheWordIteratorsOnRandomTexts() {
        SplittableRandom random = new SplittableRandom(15);
        int scanned = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(14);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(40) == 0) {
                    text.append(SUPPLEMENT[random.nextInt(SUPPLEMENT.length)]);
                } else {
                    text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            String s = text.toString();
            assertEquals(iterated(s), scanned(s), () -> escaped(s));
            scanned += WordBreaks.scannable(s) ? 1 : 0;
        }
        assertTrue(scanned > 100_000, "the scan itself decided only " + scanned + " of the texts");
    }

    private static List<String> scanned(String text) {
        List<String> out = new ArrayList<>();
        WordBreaks.pieces(text, (from, to) -> out.add(text.substring(from, to)));
        return out;
    }

    private static List<String> iterated(String text) {
        List<String> out = new ArrayList<>();
        WordBreaks.iterate(text, (from, to) -> out.add(text.substring(from, to)));
        return out;
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 0x80 && c >= 0x20 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
