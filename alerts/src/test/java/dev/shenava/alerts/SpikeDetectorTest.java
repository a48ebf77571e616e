package dev.shenava.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpikeDetectorTest {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    /** Poisson counts every 5 minutes with a daily rhythm: quiet nights, busy evenings. */
    static double[] dailyRhythm(int days, long seed) {
        Random random = new Random(seed);
        double[] v = new double[days * 288];
        for (int i = 0; i < v.length; i++) {
            double hour = (i % 288) / 12.0;
            double mean = 20 + 15 * Math.sin((hour - 9) / 24 * 2 * Math.PI);
            v[i] = poisson(random, mean);
        }
        return v;
    }

    static int poisson(Random random, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    static int alerts(SpikeDetector d, double[] series) {
        int alerts = 0;
        for (int i = 0; i < series.length; i++) {
            if (d.next(START.plus(Duration.ofMinutes(5L * i)), series[i]).alert()) {
                alerts++;
            }
        }
        return alerts;
    }

    @Test
    void staysQuietOnNoisyCountsWithADailyRhythm() {
        double[] series = dailyRhythm(14, 7);
        assertEquals(0, alerts(SpikeDetector.builder().build(), series));
    }

    @Test
    void reportsABurstOnceAndEarly() {
        double[] series = dailyRhythm(14, 11);
        int burst = 10 * 288 + 150;
        for (int i = burst; i < burst + 24; i++) {
            series[i] += 120;
        }
        SpikeDetector d = SpikeDetector.builder().build();
        int first = -1;
        int count = 0;
        for (int i = 0; i < series.length; i++) {
            SpikeScore s = d.next(START.plus(Duration.ofMinutes(5L * i)), series[i]);
            assertTrue(s.score() >= 0 && s.score() <= 1);
            if (s.alert()) {
                count++;
                first = first < 0 ? i : first;
            }
        }
        assertEquals(1, count, "one burst, one alert");
        assertTrue(first >= burst && first <= burst + 3, "alerted within 3 points of the burst, at " + (first - burst));
    }

    @Test
    void staysQuietOnSparseCountsWithADailyRhythm() {
        // under one mention per step on average: a quiet brand's negative mentions
        for (long seed = 1; seed <= 3; seed++) {
            double[] series = dailyRhythm(14, seed);
            for (int i = 0; i < series.length; i++) {
                series[i] = poisson(new Random(seed * 100_003 + i), series[i] / 30);
            }
            assertEquals(0, alerts(SpikeDetector.builder().build(), series), "seed " + seed);
        }
    }

    @Test
    void aBurstOnAQuietSeriesScoresHigherThanUnderTheFixedBar() throws ReflectiveOperationException {
        double[] series = dailyRhythm(10, 5);
        for (int i = 0; i < series.length; i++) {
            series[i] = Math.round(series[i] / 10);
        }
        int burst = 8 * 288 + 150;
        for (int i = burst; i < burst + 6; i++) {
            series[i] += 8;
        }
        SpikeDetector.Tuning fixedBar = NabBenchmarkTest.moved("quietLevel", 0.0);
        double aware = peakScore(SpikeDetector.builder().build(), series, burst, burst + 6);
        double fixed = peakScore(SpikeDetector.builder().tuning(fixedBar).build(), series, burst, burst + 6);
        assertTrue(aware > fixed, "the level-aware bar " + aware + " against the fixed one " + fixed);
        assertTrue(aware > Sensitivity.MEDIUM.threshold(), "8 more where about 2 are usual alerts, scored " + aware);
    }

    @Test
    void minimumVolumeKeepsSmallCountsFromAlerting() {
        double[] series = new double[3 * 288];
        series[2 * 288] = 30;
        series[2 * 288 + 1] = 40;
        assertEquals(1, alerts(SpikeDetector.builder().build(), series), "30 after a run of zeros is a jump");
        assertEquals(0, alerts(SpikeDetector.builder().minVolume(50).build(), series));
    }

    @Test
    void higherSensitivityAlertsOnSmallerBursts() {
        double[] series = dailyRhythm(10, 3);
        int burst = 8 * 288 + 100;
        for (int i = burst; i < burst + 6; i++) {
            series[i] += 18;
        }
        int low = alerts(SpikeDetector.builder().sensitivity(Sensitivity.LOW).build(), series);
        int high = alerts(SpikeDetector.builder().sensitivity(Sensitivity.HIGH).build(), series);
        assertTrue(high >= 1, "high sensitivity sees a 2x burst");
        assertTrue(low <= high);
        assertFalse(Sensitivity.LOW.threshold() < Sensitivity.HIGH.threshold());
    }

    static double peakScore(SpikeDetector d, double[] series, int from, int to) {
        double best = 0;
        for (int i = 0; i < series.length; i++) {
            SpikeScore s = d.next(START.plus(Duration.ofMinutes(5L * i)), series[i]);
            if (i >= from && i < to) {
                best = Math.max(best, s.score());
            }
        }
        return best;
    }

    @Test
    void aJumpUnderThePastDaysLargestCountsScoresLowerThanTheSameJumpOverThem() {
        double[] quiet = dailyRhythm(10, 13);
        int burst = 8 * 288 + 150;
        for (int i = burst; i < burst + 6; i++) {
            quiet[i] += 60;
        }
        double[] afterBiggerOne = quiet.clone();
        int earlier = 6 * 288 + 60;
        for (int i = earlier; i < earlier + 6; i++) {
            afterBiggerOne[i] += 300;
        }
        double alone = peakScore(SpikeDetector.builder().build(), quiet, burst, burst + 6);
        double overshadowed = peakScore(SpikeDetector.builder().build(), afterBiggerOne, burst, burst + 6);
        assertTrue(alone > Sensitivity.MEDIUM.threshold(), "a 3x burst on a quiet week alerts, scored " + alone);
        assertTrue(overshadowed < alone, "the same burst two days after a bigger one scores lower: "
                + overshadowed + " against " + alone);
    }

    @Test
    void aJumpAtAnHourThatIsNoisyEveryNightScoresLowerThanTheSameJumpAtAQuietHour() {
        // 20 mentions per 5 minutes all day, but from 02:00 to 03:00 automated posts make the count jumpy every night
        Random random = new Random(17);
        double[] series = new double[10 * 288];
        for (int i = 0; i < series.length; i++) {
            boolean night = i % 288 >= 24 && i % 288 < 36;
            series[i] = poisson(random, night ? 20 * Math.exp(0.8 * random.nextGaussian()) : 20);
        }
        int nightBurst = 8 * 288 + 30;
        int dayBurst = 8 * 288 + 174;
        double[] atNight = series.clone();
        double[] atDay = series.clone();
        for (int i = 0; i < 2; i++) {
            atNight[nightBurst + i] = 90;
            atDay[dayBurst + i] = 90;
        }
        double night = peakScore(SpikeDetector.builder().build(), atNight, nightBurst, nightBurst + 2);
        double day = peakScore(SpikeDetector.builder().build(), atDay, dayBurst, dayBurst + 2);
        assertTrue(day > Sensitivity.MEDIUM.threshold(), "90 where 20 are usual alerts at a quiet hour, scored " + day);
        assertTrue(night < Sensitivity.MEDIUM.threshold(), "the same count in the jumpy hour does not alert, scored " + night);
        assertTrue(night < day);
    }

    @Test
    void scoresUseOnlyThePast() {
        double[] series = dailyRhythm(4, 5);
        SpikeDetector a = SpikeDetector.builder().build();
        SpikeDetector b = SpikeDetector.builder().build();
        double[] changedFuture = series.clone();
        for (int i = 600; i < changedFuture.length; i++) {
            changedFuture[i] = 1000;
        }
        for (int i = 0; i < 600; i++) {
            Instant t = START.plus(Duration.ofMinutes(5L * i));
            assertEquals(a.next(t, series[i]).score(), b.next(t, changedFuture[i]).score(), 0.0, "row " + i);
        }
    }
}
