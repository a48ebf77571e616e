package dev.shenava.nlp;

import java.util.List;

/**
 * Naive-Bayes log-count ratios per feature and class (Wang and Manning 2012, "Baselines and
 * bigrams"): how much more often a feature occurs in texts of a class than in the others. The
 * trainer scales each feature by its ratio, which acts as a prior that favours the features the
 * counts already find telling; since the scaling is linear it is folded into the saved weights,
 * so a model trained this way reads and runs exactly like a plain one.
 */
final class NaiveBayesRatios {

    private NaiveBayesRatios() {
    }

    /**
     * The ratios, laid out like the weights ({@code feature * classes + class}).
     *
     * @param xs      featurised training rows
     * @param rows    their labels
     * @param weights the example weights (class balance), so a skewed file does not make every feature look like its
     *                majority class
     * @param classes the model's classes
     * @param dims    size of the hashed feature space
     * @param alpha   additive smoothing of the counts
     */
    static float[] of(List<SparseVector> xs, List<SentimentTrainer.Row> rows, float[] weights, List<Sentiment> classes,
                      int dims, float alpha) {
        int k = classes.size();
        double[] counts = new double[dims * k];
        double[] totals = new double[k];
        for (int i = 0; i < xs.size(); i++) {
            int c = classes.indexOf(rows.get(i).label());
            for (int j : xs.get(i).indices()) {
                counts[j * k + c] += weights[i];
                totals[c] += weights[i];
            }
        }
        double all = 0;
        for (double t : totals) {
            all += t;
        }
        float[] r = new float[dims * k];
        for (int j = 0; j < dims; j++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += counts[j * k + c];
            }
            for (int c = 0; c < k; c++) {
                double in = counts[j * k + c] + alpha;
                double out = sum - counts[j * k + c] + alpha;
                double inNorm = totals[c] + alpha * dims;
                double outNorm = all - totals[c] + alpha * dims;
                r[j * k + c] = (float) Math.log((in / inNorm) / (out / outNorm));
            }
        }
        return r;
    }

    /** The weights a plain model needs to score like {@code w} over ratio-scaled features; {@code w} itself without ratios. */
    static float[] fold(float[] w, float[] ratios) {
        if (ratios == null) {
            return w;
        }
        float[] folded = new float[w.length];
        for (int j = 0; j < w.length; j++) {
            folded[j] = w[j] * ratios[j];
        }
        return folded;
    }
}
