package dev.shenava.alerts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentimentDropDetectorTest {

    @Test
    void alertsWhenTheNegativeShareJumpsWithEnoughVolume() {
        // baseline 20% negative; window 30 of 50 negative
        var r = SentimentDropDetector.score(30, 50, 2_000, 10_000, Sensitivity.MEDIUM, 20);
        assertTrue(r.alert(), r.toString());
        assertTrue(r.share() > 0.59 && r.baselineShare() < 0.21);
    }

    @Test
    void staysQuietOnNoiseSmallVolumesAndTinyShiftsOfBigBrands() {
        assertFalse(SentimentDropDetector.score(12, 50, 2_000, 10_000, Sensitivity.HIGH, 0).alert(), "24% against 20% is noise");
        assertFalse(SentimentDropDetector.score(4, 5, 2_000, 10_000, Sensitivity.HIGH, 20).alert(), "5 mentions are below the minimum volume");
        assertFalse(SentimentDropDetector.score(2_300, 10_000, 20_000, 100_000, Sensitivity.HIGH, 0).alert(),
                "23% against 20% is significant at this volume but not a sharp drop");
    }

    @Test
    void aBrandWithoutHistoryNeedsAClearMajority() {
        assertFalse(SentimentDropDetector.score(1, 2, 0, 0, Sensitivity.HIGH, 0).alert());
        assertTrue(SentimentDropDetector.score(40, 40, 0, 0, Sensitivity.MEDIUM, 10).alert());
    }
}
