package dev.shenava.crawler;

import java.util.Arrays;

/**
 * {@link Html#asciiClassBits} of class values pages repeat (every message of a t.me page carries the same few, and
 * every page of a channel the same ones), remembered across pages: a value seen before is recognised by one
 * vectorised comparison of its bytes instead of a scan of its tokens and their comparison with the names asked about.
 * Safe to share between threads: each slot holds an immutable entry, replaced whole, so a reader sees an old entry or
 * a new one, both right for the value they hold.
 */
final class ClassBitsCache {

    /** The cache the scanners share. */
    static final ClassBitsCache SHARED = new ClassBitsCache();

    private static final int SLOTS = 128;
    /** Longer values are read each time rather than kept. */
    private static final int LONGEST = 256;

    private record Entry(byte[] value, long bits, Html.ClassNames names) {
    }

    private final Entry[] entries = new Entry[SLOTS];

    /** {@link Html#asciiClassBits} of {@code b[from, to)}, the same answer whether remembered or not. */
    long bits(byte[] b, int from, int to, Html.ClassNames index) {
        int length = to - from;
        if (length == 0) {
            return 0;
        }
        int slot = (length * 31 + b[from] * 7 + b[to - 1] * 3 + b[from + (length >> 1)]) & (SLOTS - 1);
        Entry seen = entries[slot];
        if (seen != null && seen.names == index && Arrays.equals(b, from, to, seen.value, 0, seen.value.length)) {
            return seen.bits;
        }
        long found = Html.asciiClassBits(b, from, to, index);
        if (found != -1 && length <= LONGEST) {
            entries[slot] = new Entry(Arrays.copyOfRange(b, from, to), found, index);
        }
        return found;
    }
}
