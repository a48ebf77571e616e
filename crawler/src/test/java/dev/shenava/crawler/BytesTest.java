package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eight-bytes-a-step searches find what a byte-by-byte search finds. */
class BytesTest {

    private static final byte[] ALPHABET = {'<', '&', '!', '-', '>', '/', 'a', 0, (byte) 0xBC, (byte) 0x3C - 1,
        (byte) 0xD8, (byte) 0x80, (byte) 0xFF, ' '};

    @Test
    void searchesAgreeWithAByteByByteSearch() {
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            for (int value : new int[] {'<', '&', '!', 0, 0xBC, 0xFF}) {
                assertEquals(slowIndexOf(b, value, from, to), Bytes.indexOf(b, value, from, to), "value " + value);
            }
            for (int[] pair : new int[][] {{'<', 0}, {'"', 0}, {'\'', 0}, {0xBC, '&'}}) {
                int one = slowIndexOf(b, pair[0], from, to);
                int other = slowIndexOf(b, pair[1], from, to);
                assertEquals(one < 0 ? other : other < 0 ? one : Math.min(one, other),
                        Bytes.indexOfEither(b, pair[0], pair[1], from, to), "either " + pair[0] + " or " + pair[1]);
            }
            int lt = slowIndexOf(b, '<', from, to);
            int nul = slowIndexOf(b, 0, from, to);
            int amp = slowIndexOf(b, '&', from, to);
            int first = Math.min(lt < 0 ? to : lt, Math.min(nul < 0 ? to : nul, amp < 0 ? to : amp));
            assertEquals(first == to ? -1 : first, Bytes.indexOfAny(b, '<', 0, '&', from, to), "any of three");
            for (String key : new String[] {"-->", "</", "<!--", "--!>"}) {
                assertEquals(slowIndexOf(b, key, from, to), Bytes.indexOf(b, key, from, to), key);
                assertEquals(from + key.length() <= to && slowIndexOf(b, key, from, to) == from,
                        Bytes.startsWith(b, to, from, key), key);
            }
        }
    }

    @Test
    void matchesAsciiInAnyCaseOnly() {
        byte[] b = "<!DocType html><SCRIPT>\u00C4".getBytes(StandardCharsets.UTF_8);
        assertEquals(true, Bytes.startsWithIgnoringCase(b, b.length, 2, "doctype"));
        assertEquals(true, Bytes.startsWithIgnoringCase(b, b.length, 16, "script"));
        assertEquals(false, Bytes.startsWithIgnoringCase(b, b.length, 18, "ript>x"));
        assertEquals(false, Bytes.startsWithIgnoringCase(b, b.length, -1, "x"));
    }

    @Test
    void namesReadAsOneLongAreEqualExactlyWhenTheyMatchIgnoringCase() {
        Random random = new Random(8);
        byte[] letters = "aAbBdDiIvV09-:@`".getBytes(StandardCharsets.US_ASCII);
        for (int n = 0; n < 20_000; n++) {
            int length = 1 + random.nextInt(8);
            byte[] b = new byte[length + 8];
            byte[] c = new byte[length + 8];
            for (int i = 0; i < b.length; i++) {
                b[i] = letters[random.nextInt(letters.length)];
                c[i] = random.nextInt(3) == 0 ? letters[random.nextInt(letters.length)] : b[i];
            }
            boolean folded = true;
            for (int i = 0; i < length; i++) {
                folded &= (b[i] | 0x20) == (c[i] | 0x20);
            }
            assertEquals(folded, Bytes.lowerLong(b, 0, length) == Bytes.lowerLong(c, 0, length));
            String lower = new String(b, 0, length, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
            if (lower.matches("[a-z0-9-]+")) {
                assertEquals(Bytes.lowerLong(lower, length), Bytes.lowerLong(b, 0, length), lower);
            }
        }
    }

    private static int slowIndexOf(byte[] b, int value, int from, int to) {
        for (int k = from; k < to; k++) {
            if ((b[k] & 0xFF) == value) {
                return k;
            }
        }
        return -1;
    }

    private static int slowIndexOf(byte[] b, String key, int from, int to) {
        String latin1 = new String(b, StandardCharsets.ISO_8859_1);
        int k = latin1.indexOf(key, from);
        return k >= 0 && k + key.length() <= to ? k : -1;
    }
}
