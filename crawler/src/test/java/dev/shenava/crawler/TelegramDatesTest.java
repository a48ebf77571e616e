package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A t.me datetime read straight into an instant is the instant the general RFC 3339 reading gives. */
class TelegramDatesTest {

    @Test
    void readsDatesAsTheGeneralReadingDoes() {
        assertEquals(Instant.parse("2026-11-21T06:30:00Z"), TelegramDates.rfc3339("2026-11-21T10:00:00+03:30"));
        Random random = new Random(3);
        int read = 0;
        for (int t = 0; t < 50_000; t++) {
            String s = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s", 1890 + random.nextInt(300),
                    random.nextInt(14), random.nextInt(33), random.nextInt(25), random.nextInt(61), random.nextInt(61),
                    offset(random));
            if (random.nextInt(10) == 0) { // a character changed
                StringBuilder b = new StringBuilder(s);
                b.setCharAt(random.nextInt(b.length()), "0+-:TZ.x9".charAt(random.nextInt(9)));
                s = b.toString();
            }
            Instant expected = Timestamps.rfc3339(s);
            assertEquals(expected, TelegramDates.rfc3339(s), s);
            read += expected != null ? 1 : 0;
        }
        assertTrue(read > 10_000, "most dates were in range: " + read);
    }

    private static String offset(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "Z";
            case 1 -> ".5Z";
            default -> String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(20),
                    random.nextInt(4) == 0 ? random.nextInt(61) : 30 * random.nextInt(2));
        };
    }
}
