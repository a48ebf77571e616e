package dev.shenava.crawler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Searches in bytes for the scanners that read markup as ASCII in a page's UTF-8 bytes. */
final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {
    }

    /** The first index of {@code value} in {@code b[from, to)}, or -1; eight bytes a step. */
    static int indexOf(byte[] b, int value, int from, int to) {
        long pattern = ONES * (value & 0xFF);
        int k = from;
        for (; k + 8 <= to; k += 8) {
            long x = (long) LONGS.get(b, k) ^ pattern; // a zero byte where value is
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return k + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; k < to; k++) {
            if (b[k] == (byte) value) {
                return k;
            }
        }
        return -1;
    }

    /** The first index of {@code one} or {@code other} in {@code b[from, to)}, or -1; eight bytes a step. */
    static int indexOfEither(byte[] b, int one, int other, int from, int to) {
        long first = ONES * (one & 0xFF);
        long second = ONES * (other & 0xFF);
        int k = from;
        for (; k + 8 <= to; k += 8) {
            long word = (long) LONGS.get(b, k);
            long x = word ^ first;
            long y = word ^ second;
            long found = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
            if (found != 0) {
                return k + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; k < to; k++) {
            if (b[k] == (byte) one || b[k] == (byte) other) {
                return k;
            }
        }
        return -1;
    }

    /** The first index of {@code one}, {@code other} or {@code third} in {@code b[from, to)}, or -1; eight a step. */
    static int indexOfAny(byte[] b, int one, int other, int third, int from, int to) {
        long first = ONES * (one & 0xFF);
        long second = ONES * (other & 0xFF);
        long last = ONES * (third & 0xFF);
        int k = from;
        for (; k + 8 <= to; k += 8) {
            long word = (long) LONGS.get(b, k);
            long x = word ^ first;
            long y = word ^ second;
            long z = word ^ last;
            long found = ((x - ONES) & ~x | (y - ONES) & ~y | (z - ONES) & ~z) & HIGHS;
            if (found != 0) {
                return k + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; k < to; k++) {
            if (b[k] == (byte) one || b[k] == (byte) other || b[k] == (byte) third) {
                return k;
            }
        }
        return -1;
    }

    /** The first index where {@code b} holds the ASCII {@code key} wholly inside {@code [from, to)}, or -1. */
    static int indexOf(byte[] b, String key, int from, int to) {
        int first = key.charAt(0);
        for (int k = indexOf(b, first, from, to); k >= 0 && k + key.length() <= to; k = indexOf(b, first, k + 1, to)) {
            if (startsWith(b, to, k, key)) {
                return k;
            }
        }
        return -1;
    }

    /** Whether {@code b[at, n)} starts with the ASCII {@code key}. */
    static boolean startsWith(byte[] b, int n, int at, String key) {
        if (at < 0 || at + key.length() > n) {
            return false;
        }
        for (int k = 0; k < key.length(); k++) {
            if (b[at + k] != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #startsWith} in any case: the key is lower-case ASCII letters (no byte outside ASCII folds onto one). */
    static boolean startsWithIgnoringCase(byte[] b, int n, int at, String key) {
        if (at < 0 || at + key.length() > n) {
            return false;
        }
        for (int k = 0; k < key.length(); k++) {
            if ((b[at + k] | 0x20) != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the bytes at {@code at} are {@code key} in any case: ASCII only, the key lower case letters, digits and
     * '-' (a character that folds onto '-' is whitespace, which ends names before they are compared). The key's length
     * must be readable there.
     */
    static boolean matchesLower(byte[] b, int at, byte[] key) {
        for (int k = 0; k < key.length; k++) {
            if ((b[at + k] | 0x20) != key[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The {@code length} (1 to 8) bytes at {@code at} as a little-endian long, each with its case bit (0x20) set: ASCII
     * letters in lower case, digits and '-' as they are. Eight bytes must be readable there.
     */
    static long lowerLong(byte[] b, int at, int length) {
        return ((long) LONGS.get(b, at) | 0x2020202020202020L) & -1L >>> (64 - 8 * length);
    }

    /** {@link #lowerLong} of the first {@code length} (1 to 8) characters of an ASCII name. */
    static long lowerLong(String name, int length) {
        long key = 0;
        for (int k = length - 1; k >= 0; k--) {
            key = key << 8 | (name.charAt(k) | 0x20);
        }
        return key;
    }
}
