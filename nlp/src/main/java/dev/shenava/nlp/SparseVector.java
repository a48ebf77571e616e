package dev.shenava.nlp;

import java.util.Arrays;

/**
 * A sparse feature vector: sorted distinct indices with their values.
 *
 * @param indices feature indices, ascending
 * @param values  their values
 */
record SparseVector(int[] indices, float[] values) {

    int size() {
        return indices.length;
    }

    /** This vector scaled to unit length (unchanged when empty). */
    SparseVector normalized() {
        double sum = 0;
        for (float v : values) {
            sum += v * v;
        }
        if (sum == 0) {
            return this;
        }
        float inv = (float) (1 / Math.sqrt(sum));
        float[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return new SparseVector(indices, v);
    }

    /** Sums vectors. */
    static SparseVector merge(SparseVector... parts) {
        Builder b = new Builder();
        for (SparseVector p : parts) {
            for (int i = 0; i < p.size(); i++) {
                b.add(p.indices[i], p.values[i]);
            }
        }
        return b.build();
    }

    /** Accumulates (index, value) pairs, summing duplicates. */
    static final class Builder {
        private long[] packed = new long[64];
        private int n;

        void add(int index, float value) {
            if (n == packed.length) {
                packed = Arrays.copyOf(packed, n * 2);
            }
            packed[n++] = ((long) index << 32) | (Float.floatToRawIntBits(value) & 0xffffffffL);
        }

        SparseVector build() {
            Arrays.sort(packed, 0, n);
            int[] idx = new int[n];
            float[] val = new float[n];
            int m = -1;
            for (int i = 0; i < n; i++) {
                int index = (int) (packed[i] >>> 32);
                float v = Float.intBitsToFloat((int) packed[i]);
                if (m >= 0 && idx[m] == index) {
                    val[m] += v;
                } else {
                    idx[++m] = index;
                    val[m] = v;
                }
            }
            return new SparseVector(Arrays.copyOf(idx, m + 1), Arrays.copyOf(val, m + 1));
        }
    }
}
