package dev.shenava.nlp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic-regression sentiment model over hashed features of one language.
 * Weights are kept as float16 on disk (gzip) and float32 in memory. Immutable and thread-safe.
 */
final class SentimentModel {

    private static final int MAGIC = 0x53484E53;
    /** Version 2 adds a flags int after the bits (bit 0: cross-word char n-grams, bit 1: word trigrams); version 1 files still load. */
    private static final int VERSION = 2;
    private static final Map<String, Optional<SentimentModel>> BUNDLED = new ConcurrentHashMap<>();

    private final String lang;
    private final List<Sentiment> classes;
    private final SentimentFeatures features;
    private final float[] weights;
    private final float[] bias;

    SentimentModel(String lang, List<Sentiment> classes, SentimentFeatures features, float[] weights, float[] bias) {
        this.lang = lang;
        this.classes = List.copyOf(classes);
        this.features = features;
        this.weights = weights;
        this.bias = bias;
    }

    /** The model shipped for a language, loaded once per JVM; empty when none ships. */
    static Optional<SentimentModel> bundled(String lang) {
        return BUNDLED.computeIfAbsent(lang, l -> {
            InputStream in = SentimentModel.class.getResourceAsStream("/models/sentiment-" + l + ".bin");
            if (in == null) {
                return Optional.empty();
            }
            try (in) {
                return Optional.of(read(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled sentiment model for " + l, e);
            }
        });
    }

    static SentimentModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentiment model " + file, e);
        }
    }

    String lang() {
        return lang;
    }

    List<Sentiment> classes() {
        return classes;
    }

    SentimentFeatures features() {
        return features;
    }

    /** Class probabilities for a text, in {@link #classes()} order. */
    double[] probabilities(String text) {
        return probabilities(features.extract(text, lang));
    }

    double[] probabilities(SparseVector x) {
        int k = classes.size();
        double[] z = new double[k];
        for (int c = 0; c < k; c++) {
            z[c] = bias[c];
        }
        int[] idx = x.indices();
        float[] val = x.values();
        for (int i = 0; i < idx.length; i++) {
            int base = idx[i] * k;
            for (int c = 0; c < k; c++) {
                z[c] += val[i] * weights[base + c];
            }
        }
        return softmax(z);
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** The sentiment of a text: arg-max label, P(positive) - P(negative) as score, P(label) as confidence. */
    SentimentScore score(String text) {
        return toScore(probabilities(text));
    }

    SentimentScore toScore(double[] p) {
        int best = 0;
        double pos = 0;
        double neg = 0;
        for (int c = 0; c < p.length; c++) {
            best = p[c] > p[best] ? c : best;
            pos += classes.get(c) == Sentiment.POSITIVE ? p[c] : 0;
            neg += classes.get(c) == Sentiment.NEGATIVE ? p[c] : 0;
        }
        double score = Math.max(-1, Math.min(1, pos - neg));
        return new SentimentScore(classes.get(best), score, Math.max(0, Math.min(1, p[best])));
    }

    void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(file);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16)))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(lang);
                out.writeInt(classes.size());
                for (Sentiment s : classes) {
                    out.writeUTF(s.id());
                }
                out.writeInt(features.bits());
                out.writeInt((features.crossWord() ? 1 : 0) | (features.trigrams() ? 2 : 0));
                for (float b : bias) {
                    out.writeFloat(b);
                }
                for (float w : weights) {
                    out.writeShort(Float.floatToFloat16(w));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sentiment model " + file, e);
        }
    }

    private static SentimentModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        int version = in.readInt() == MAGIC ? in.readInt() : -1;
        if (version != 1 && version != 2) {
            throw new IOException("not a Shenava sentiment model of version 1 or 2");
        }
        String lang = in.readUTF();
        int k = in.readInt();
        List<Sentiment> classes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            classes.add(Sentiment.parse(in.readUTF()));
        }
        int bits = in.readInt();
        int flags = version >= 2 ? in.readInt() : 0;
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) {
            bias[c] = in.readFloat();
        }
        float[] weights = new float[(1 << bits) * k];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Float.float16ToFloat(in.readShort());
        }
        return new SentimentModel(lang, classes, new SentimentFeatures(bits, (flags & 1) != 0, (flags & 2) != 0), weights, bias);
    }
}
