package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(3, 30),
            ZoneOffset.ofHours(-5), ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHours(14));

    private static final java.util.regex.Pattern COMMON_3339 = java.util.regex.Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
    private static final java.util.regex.Pattern COMMON_1123 = java.util.regex.Pattern.compile(
            "([A-Z][a-z]{2}, )?\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d (GMT|[+-]\\d{4})");

    @Test
    void readsWhatJavaTimeReadsAndNothingElse() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 5_000_000_000L));
            OffsetDateTime t = at.atOffset(OFFSETS.get(random.nextInt(OFFSETS.size())));
            String rfc1123 = DateTimeFormatter.RFC_1123_DATE_TIME.format(t);
            String rfc3339 = t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            String withSeconds = t.withNano(0).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
            for (String s : List.of(rfc1123, rfc3339, withSeconds, mangle(withSeconds, random), mangle(rfc1123, random), mangle(rfc3339, random),
                    rfc3339.replace("Z", ".123456Z"), rfc1123.substring(5))) {
                assertSameAsJavaTime(s);
            }
        }
        assertEquals(Instant.parse("2026-11-21T06:30:00Z"), Timestamps.rfc1123("Sat, 21 Nov 2026 10:00:00 +0330"));
        assertEquals(Instant.parse("2026-11-21T10:00:00Z"), Timestamps.rfc3339("2026-11-21T10:00:00+00:00"));
        assertNull(Timestamps.rfc1123("Fri, 21 Nov 2026 10:00:00 GMT"), "21 November 2026 is a Saturday");
        assertNull(Timestamps.rfc3339("2026-02-30T10:00:00Z"));
    }

    @Test
    void readsRfc1123FromBytesAsFromText() {
        Random random = new Random(1123);
        int read = 0;
        for (int i = 0; i < 30_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L));
            ZoneOffset offset = random.nextInt(4) == 0 ? ZoneOffset.ofTotalSeconds(60 * random.nextInt(-18 * 60,
                    18 * 60 + 1)) : OFFSETS.get(random.nextInt(OFFSETS.size()));
            String s = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(offset));
            s = switch (random.nextInt(6)) {
                case 0 -> mangle(s, random);
                case 1 -> mangle(mangle(s, random), random);
                case 2 -> s.substring(5);
                case 3 -> s.replace(" +0000", " GMT").replace("GMT", random.nextBoolean() ? "GMT" : "UTC");
                case 4 -> s.replace(s.substring(0, 3), List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "onT",
                        "nTu", "Jan", "mon").get(random.nextInt(11)));
                default -> s.replaceFirst(" [A-Z][a-z]{2} ", " " + "JanFebMarAprMayJunJulAugSepOctNovDecanF"
                        .substring(random.nextInt(37)).substring(0, 3) + " ");
            };
            byte[] bytes = ("  " + s + " ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            long seconds = Timestamps.rfc1123Seconds(bytes, 2, bytes.length - 1);
            Instant text = Timestamps.rfc1123(s);
            assertEquals(text, seconds == Timestamps.NOT_RFC1123 ? null : Instant.ofEpochSecond(seconds), s);
            read += text != null ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(read > 10_000, "too few dates read: " + read);
    }

    private static String mangle(String s, Random random) {
        char[] chars = s.toCharArray();
        chars[random.nextInt(chars.length)] = " 0123456789:+-TZ,aG".charAt(random.nextInt(19));
        return new String(chars);
    }

    private static void assertSameAsJavaTime(String s) {
        Instant java1123 = parse(() -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        Instant java3339 = parse(() -> OffsetDateTime.parse(s).toInstant());
        Instant ours1123 = Timestamps.rfc1123(s);
        Instant ours3339 = Timestamps.rfc3339(s);
        if (ours1123 != null) {
            assertEquals(java1123, ours1123, s);
        }
        if (ours3339 != null) {
            assertEquals(java3339, ours3339, s);
        }
        if (java3339 != null && COMMON_3339.matcher(s).matches()) {
            assertEquals(java3339, ours3339, "the common shape must be read here: " + s);
        }
        if (java1123 != null && COMMON_1123.matcher(s).matches()) {
            assertEquals(java1123, ours1123, "the common shape must be read here: " + s);
        }
    }

    private static Instant parse(java.util.function.Supplier<Instant> parser) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
