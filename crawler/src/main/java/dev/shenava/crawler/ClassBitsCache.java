package dev.shenava.crawler;

import java.util.Arrays;

/**
 * {@link Html#asciiClassBits} of class values a page repeats (every message of a t.me page carries the same few),
 * remembered for one page: a value seen before is recognised by one vectorised comparison of its bytes instead of a
 * scan of its tokens and their comparison with the names asked about.
 */
final class ClassBitsCache {

    private static final int SLOTS = 64;
    private final byte[][] values = new byte[SLOTS][];
    private final long[] bits = new long[SLOTS];
    private final Html.ClassNames[] names = new Html.ClassNames[SLOTS];

    /** {@link Html#asciiClassBits} of {@code b[from, to)}, the same answer whether remembered or not. */
    long bits(byte[] b, int from, int to, Html.ClassNames index) {
        int length = to - from;
        if (length == 0) {
            return 0;
        }
        int slot = (length * 31 + b[from] * 7 + b[to - 1] * 3 + b[from + (length >> 1)]) & (SLOTS - 1);
        byte[] seen = values[slot];
        if (seen != null && names[slot] == index && Arrays.equals(b, from, to, seen, 0, seen.length)) {
            return bits[slot];
        }
        long found = Html.asciiClassBits(b, from, to, index);
        if (found != -1) {
            values[slot] = Arrays.copyOfRange(b, from, to);
            bits[slot] = found;
            names[slot] = index;
        }
        return found;
    }
}
