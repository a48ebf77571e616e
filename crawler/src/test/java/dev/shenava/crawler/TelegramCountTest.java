package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** View counts read as integers where they can be give what reading them as doubles gives. */
class TelegramCountTest {

    @Test
    void readsCountsOfDigitsDotsAndSuffixesAsTheDoubleReadingDoes() {
        Random random = new Random(9);
        String alphabet = "0123456789012345678901234567890123456789.";
        String suffixes = "KMBkmb";
        for (int t = 0; t < 50_000; t++) {
            StringBuilder raw = new StringBuilder();
            for (int k = random.nextInt(18); k >= 0; k--) {
                raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextBoolean()) {
                raw.append(suffixes.charAt(random.nextInt(suffixes.length())));
            }
            assertEquals(byDouble(raw.toString()), TelegramConnector.count(raw.toString()), raw.toString());
        }
    }

    private static long byDouble(String raw) {
        char last = raw.charAt(raw.length() - 1);
        double factor = "Kk".indexOf(last) >= 0 ? 1e3 : "Mm".indexOf(last) >= 0 ? 1e6 : "Bb".indexOf(last) >= 0 ? 1e9 : 1;
        try {
            return Math.round(Double.parseDouble(factor == 1 ? raw : raw.substring(0, raw.length() - 1)) * factor);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
