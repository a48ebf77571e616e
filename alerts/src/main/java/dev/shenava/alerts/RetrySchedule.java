package dev.shenava.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to retry a failed webhook: exponential backoff with full jitter, capped, until a deadline.
 *
 * <p>The default waits about 30 s, 1, 2, 4... minutes, at most an hour between attempts, and gives
 * up 25 hours after the event, so a receiver that is down for a day still gets it.
 *
 * @param initial   the first delay
 * @param factor    the growth per attempt
 * @param maxDelay  the longest delay
 * @param giveUpAfter how long after the event to keep trying
 */
public record RetrySchedule(Duration initial, double factor, Duration maxDelay, Duration giveUpAfter) {

    /** About 30 s doubling to an hour, for 25 hours. */
    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(30), 2.0, Duration.ofHours(1),
            Duration.ofHours(25));

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || factor < 1 || maxDelay.compareTo(initial) < 0
                || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("retry schedule needs 0 < initial <= maxDelay, factor >= 1, giveUpAfter >= 0");
        }
    }

    /**
     * The delay before the attempt after {@code attempts} failures: half fixed, half random, so
     * that receivers coming back are not hit by every sender at once.
     *
     * @param attempts failed attempts so far, 1 or more
     * @return the delay
     */
    public Duration delay(int attempts) {
        double base = initial.toMillis() * Math.pow(factor, Math.max(0, attempts - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double jittered = capped / 2 + ThreadLocalRandom.current().nextDouble() * capped / 2;
        return Duration.ofMillis(Math.max(1, Math.round(jittered)));
    }

    /**
     * Whether a delivery of an event raised at {@code createdAt} should stop at {@code next}.
     *
     * @param createdAt when the event was raised
     * @param next      when the next attempt would be
     * @return true when that is past the deadline
     */
    public boolean exhausted(Instant createdAt, Instant next) {
        return next.isAfter(createdAt.plus(giveUpAfter));
    }
}
