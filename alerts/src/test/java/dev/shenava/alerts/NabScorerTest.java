package dev.shenava.alerts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NabScorerTest {

    static double[] scores(int length, int... detections) {
        double[] s = new double[length];
        for (int d : detections) {
            s[d] = 1.0;
        }
        return s;
    }

    @Test
    void detectionAtTheStartOfEveryWindowIsPerfect() {
        NabScorer scorer = new NabScorer();
        scorer.add("a", scores(2000, 1000, 1500), List.of(new int[] {1000, 1099}, new int[] {1500, 1599}), 750);
        assertEquals(100.0, scorer.best().normalized(), 1e-9);
    }

    @Test
    void flaggingNothingScoresZero() {
        NabScorer scorer = new NabScorer();
        scorer.add("a", scores(2000), List.of(new int[] {1000, 1099}), 750);
        assertEquals(0.0, scorer.best().normalized(), 1e-9);
    }

    @Test
    void laterDetectionsEarnLessAndOnlyTheFirstInAWindowCounts() {
        NabScorer early = new NabScorer();
        early.add("a", scores(2000, 1010), List.of(new int[] {1000, 1099}), 750);
        NabScorer late = new NabScorer();
        late.add("a", scores(2000, 1090), List.of(new int[] {1000, 1099}), 750);
        NabScorer twice = new NabScorer();
        twice.add("a", scores(2000, 1010, 1090), List.of(new int[] {1000, 1099}), 750);
        assertTrue(early.best().normalized() > late.best().normalized());
        assertEquals(early.best().normalized(), twice.best().normalized(), 1e-9);
    }

    @Test
    void falsePositivesCostTheStandardWeightAndProbationIsIgnored() {
        NabScorer scorer = new NabScorer();
        scorer.add("a", scores(2000, 100, 1000, 1800), List.of(new int[] {1000, 1099}), 750);
        NabScorer.Result r = scorer.best();
        // one perfect window (+1), one false positive far after it (-0.11), the probation detection ignored
        assertEquals(100 * (1 - 0.11 + 1) / 2, r.normalized(), 1e-6);
        assertEquals(1, r.falsePositives());
    }

    @Test
    void aFixedThresholdCountsOnlyTheScoresAtOrAboveIt() {
        NabScorer scorer = new NabScorer();
        double[] s = scores(2000);
        s[1000] = 0.6;
        s[1800] = 0.8;
        scorer.add("a", s, List.of(new int[] {1000, 1099}), 750);
        assertEquals(100 * (1 - 0.11 + 1) / 2, scorer.at(0.5).normalized(), 1e-6, "both detections count");
        assertEquals(100 * -0.11 / 2, scorer.at(0.7).normalized(), 1e-6, "only the false positive counts");
        assertEquals(0.0, scorer.at(0.9).normalized(), 1e-9, "nothing counts");
        assertEquals(scorer.at(0.5).normalized(), scorer.best().normalized(), 1e-9);
    }

    @Test
    void lossesAddUpToWhatTheScoreFallsShortOfPerfect() {
        NabScorer scorer = new NabScorer();
        double[] s = scores(3000);
        s[1050] = 0.8;
        s[2500] = 0.9;
        scorer.add("a", s, List.of(new int[] {1000, 1099}, new int[] {2000, 2099}), 750);
        double[] lost = scorer.losses(0.5);
        // the second window missed: its true positive and the miss, 2 of the 4 points a perfect score is above the null
        assertEquals(50.0, lost[0], 1e-9);
        assertTrue(lost[1] > 0 && lost[1] < 25, "the first window found halfway in loses part of its true positive: " + lost[1]);
        assertEquals(100 * 0.11 / 4, lost[2], 1e-6);
        assertEquals(100 - lost[0] - lost[1] - lost[2], scorer.at(0.5).normalized(), 1e-6);
    }

    @Test
    void scaledSigmoidMatchesNab() {
        assertEquals(0.9866, NabScorer.scaledSigmoid(-1.0), 1e-4);
        assertEquals(0.0, NabScorer.scaledSigmoid(0.0), 1e-12);
        assertEquals(-1.0, NabScorer.scaledSigmoid(3.5), 1e-12);
    }
}
