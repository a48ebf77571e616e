package dev.shenava.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Pauses a receiver that keeps failing instead of hammering it: after a number of consecutive
 * failures its deliveries wait for a pause that doubles with each failed probe (up to a maximum);
 * the first success closes it again. The state lives in {@link ReceiverStates}, so the service
 * keeps a pause across a restart.
 */
final class CircuitBreaker {

    private final int threshold;
    private final Duration pause;
    private final Duration maxPause;
    private final ReceiverStates states;

    CircuitBreaker(int threshold, Duration pause, Duration maxPause, ReceiverStates states) {
        this.threshold = threshold;
        this.pause = pause;
        this.maxPause = maxPause;
        this.states = states;
    }

    /** When the receiver is paused at {@code now}, the end of its pause. */
    Optional<Instant> pausedUntil(String receiver, Instant now) {
        return states.get(receiver).map(ReceiverStates.State::pausedUntil).filter(until -> until.isAfter(now));
    }

    void success(String receiver) {
        if (states.get(receiver).isPresent()) {
            states.remove(receiver);
        }
    }

    /** Records a failure; returns the end of a pause when this failure opened (or reopened) one. */
    synchronized Optional<Instant> failure(String receiver, Instant now) {
        ReceiverStates.State old = states.get(receiver).orElse(null);
        int failures = old == null ? 1 : old.failures() + 1;
        if (failures < threshold) {
            states.put(new ReceiverStates.State(receiver, failures, null, old == null ? 0 : old.lastPauseMillis()));
            return Optional.empty();
        }
        Duration next = old == null || old.lastPauseMillis() == 0 ? pause
                : min(Duration.ofMillis(old.lastPauseMillis()).multipliedBy(2), maxPause);
        Instant until = now.plus(next);
        states.put(new ReceiverStates.State(receiver, failures, until, Math.max(1, next.toMillis())));
        return Optional.of(until);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
