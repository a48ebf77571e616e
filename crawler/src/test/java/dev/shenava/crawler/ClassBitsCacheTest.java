package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Class values remembered for a page give the bits a fresh scan of the value gives. */
class ClassBitsCacheTest {

    private static final String[] TOKENS = {"tgme_widget_message", "tgme_widget_message_text", "js-message_text",
        "TGME_WIDGET_MESSAGE", "service_message", "counter_type", "counter_value", "tgme_widget_message_views", "x",
        "link_preview_title", "tgme_widget_message_reply", "\u0641", "a&amp;b", "tgme_widget_message_dat"};
    private static final String[] SEPARATORS = {" ", "  ", "\t", "\n", "\u000B", "\u00A0"};

    @Test
    void givesTheBitsOfAFreshScanForRepeatedAndChangedValues() {
        Random random = new Random(5);
        ClassBitsCache cache = new ClassBitsCache();
        Html.ClassNames other = new Html.ClassNames("x", "counter_type");
        String[] seen = new String[40];
        int hits = 0;
        for (int k = 0; k < 20_000; k++) {
            String value = random.nextInt(3) > 0 && seen[k % seen.length] != null ? seen[k % seen.length]
                    : randomValue(random);
            seen[random.nextInt(seen.length)] = value;
            byte[] page = ("<div class=\"" + value + "\">").getBytes(StandardCharsets.UTF_8);
            int from = 12;
            int to = page.length - 2;
            Html.ClassNames names = random.nextInt(5) == 0 ? other : TelegramClasses.NAMES;
            long expected = Html.asciiClassBits(page, from, to, names);
            assertEquals(expected, cache.bits(page, from, to, names), value);
            hits += expected != -1 ? 1 : 0;
        }
        assertTrue(hits > 10_000, "most values are ASCII: " + hits);
    }

    @Test
    void givesTheBitsOfAFreshScanToThreadsSharingIt() throws Exception {
        ClassBitsCache cache = new ClassBitsCache();
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            Random random = new Random(t);
            threads[t] = new Thread(() -> {
                for (int k = 0; k < 20_000; k++) {
                    byte[] page = ("<div class=\"" + randomValue(random) + "\">").getBytes(StandardCharsets.UTF_8);
                    if (cache.bits(page, 12, page.length - 2, TelegramClasses.NAMES)
                            != Html.asciiClassBits(page, 12, page.length - 2, TelegramClasses.NAMES)) {
                        wrong.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, wrong.get());
    }

    private static String randomValue(Random random) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(4); n >= 0; n--) {
            b.append(TOKENS[random.nextInt(TOKENS.length)]);
            if (n > 0 || random.nextInt(4) == 0) {
                b.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
        }
        return b.toString();
    }
}
