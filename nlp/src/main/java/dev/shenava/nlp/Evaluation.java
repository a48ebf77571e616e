package dev.shenava.nlp;

import java.util.List;
import java.util.Locale;

/**
 * A confusion matrix over sentiment classes and the figures derived from it.
 */
final class Evaluation {

    private final List<Sentiment> classes;
    private final long[][] matrix;
    private long n;

    Evaluation(List<Sentiment> classes) {
        this.classes = List.copyOf(classes);
        this.matrix = new long[classes.size()][classes.size()];
    }

    void add(Sentiment gold, Sentiment predicted) {
        matrix[classes.indexOf(gold)][classes.indexOf(predicted)]++;
        n++;
    }

    long n() {
        return n;
    }

    double precision(int c) {
        long col = 0;
        for (long[] row : matrix) {
            col += row[c];
        }
        return col == 0 ? 0 : (double) matrix[c][c] / col;
    }

    double recall(int c) {
        long row = 0;
        for (long v : matrix[c]) {
            row += v;
        }
        return row == 0 ? 0 : (double) matrix[c][c] / row;
    }

    double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean over the classes that occur in the gold labels. */
    double macroF1() {
        return macro(true);
    }

    double macroRecall() {
        return macro(false);
    }

    private double macro(boolean f1) {
        double sum = 0;
        int k = 0;
        for (int c = 0; c < classes.size(); c++) {
            long row = 0;
            for (long v : matrix[c]) {
                row += v;
            }
            if (row > 0) {
                sum += f1 ? f1(c) : recall(c);
                k++;
            }
        }
        return k == 0 ? 0 : sum / k;
    }

    double accuracy() {
        long ok = 0;
        for (int c = 0; c < classes.size(); c++) {
            ok += matrix[c][c];
        }
        return n == 0 ? 0 : (double) ok / n;
    }

    /** The confusion matrix and per-class figures as an aligned table. */
    String report() {
        StringBuilder b = new StringBuilder("gold \\ predicted");
        for (Sentiment s : classes) {
            b.append(String.format(Locale.ROOT, "%10s", s.id()));
        }
        b.append('\n');
        for (int c = 0; c < classes.size(); c++) {
            b.append(String.format(Locale.ROOT, "%-16s", classes.get(c).id()));
            for (long v : matrix[c]) {
                b.append(String.format(Locale.ROOT, "%10d", v));
            }
            b.append('\n');
        }
        b.append(String.format(Locale.ROOT, "%-10s %9s %9s %9s%n", "class", "precision", "recall", "f1"));
        for (int c = 0; c < classes.size(); c++) {
            b.append(String.format(Locale.ROOT, "%-10s %9.4f %9.4f %9.4f%n", classes.get(c).id(), precision(c), recall(c), f1(c)));
        }
        return b.toString();
    }

    String summary() {
        return String.format(Locale.ROOT, "macro-F1=%.4f accuracy=%.4f macro-recall=%.4f n=%d", macroF1(), accuracy(), macroRecall(), n);
    }
}
