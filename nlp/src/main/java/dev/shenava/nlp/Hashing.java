package dev.shenava.nlp;

/** MurmurHash3-style 32-bit hashing of char ranges, for feature hashing without allocation. */
final class Hashing {

    private Hashing() {
    }

    static int hash(int seed, CharSequence s, int from, int to) {
        int h = seed;
        for (int i = from; i < to; i++) {
            int k = s.charAt(i) * 0xcc9e2d51;
            k = Integer.rotateLeft(k, 15) * 0x1b873593;
            h ^= k;
            h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
        }
        h ^= to - from;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
