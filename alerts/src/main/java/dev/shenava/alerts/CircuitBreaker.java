package dev.shenava.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pauses a receiver that keeps failing instead of hammering it: after a number of consecutive
 * failures its deliveries wait for a pause that doubles with each failed probe (up to a maximum);
 * the first success closes it again.
 */
final class CircuitBreaker {

    private final int threshold;
    private final Duration pause;
    private final Duration maxPause;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private record State(int failures, Instant openUntil, Duration lastPause) {
    }

    CircuitBreaker(int threshold, Duration pause, Duration maxPause) {
        this.threshold = threshold;
        this.pause = pause;
        this.maxPause = maxPause;
    }

    /** When the receiver is paused at {@code now}, the end of its pause. */
    Optional<Instant> pausedUntil(String receiver, Instant now) {
        State s = states.get(receiver);
        return s != null && s.openUntil() != null && s.openUntil().isAfter(now) ? Optional.of(s.openUntil()) : Optional.empty();
    }

    void success(String receiver) {
        states.remove(receiver);
    }

    /** Records a failure; returns the end of a pause when this failure opened (or reopened) one. */
    Optional<Instant> failure(String receiver, Instant now) {
        State s = states.compute(receiver, (k, old) -> {
            int failures = old == null ? 1 : old.failures() + 1;
            if (failures < threshold) {
                return new State(failures, null, null);
            }
            Duration next = old == null || old.lastPause() == null ? pause : min(old.lastPause().multipliedBy(2), maxPause);
            return new State(failures, now.plus(next), next);
        });
        return Optional.ofNullable(s.openUntil());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
