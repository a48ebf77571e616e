package dev.shenava.alerts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the pause state of webhook receivers is kept: how many attempts in a row failed and
 * until when the receiver is paused. The service keeps it in Elasticsearch
 * ({@link ElasticsearchReceiverStates}), so a restart does not hammer a receiver that was paused.
 */
public interface ReceiverStates {

    /**
     * One receiver's state; a receiver without a state is healthy.
     *
     * @param receiver          the receiver's URL
     * @param failures          attempts in a row that failed
     * @param pausedUntil       the end of its pause, or null when it is not paused
     * @param lastPauseMillis   the length of its last pause in milliseconds, 0 when none; the next one doubles it
     */
    record State(String receiver, int failures, Instant pausedUntil, long lastPauseMillis) {
        public State {
            Objects.requireNonNull(receiver, "receiver");
        }
    }

    /**
     * The state of a receiver.
     *
     * @param receiver the receiver's URL
     * @return its state, empty when it is healthy
     */
    Optional<State> get(String receiver);

    /**
     * Stores the state of a receiver.
     *
     * @param state the new state
     */
    void put(State state);

    /**
     * Forgets a receiver's failures: it answered.
     *
     * @param receiver the receiver's URL
     */
    void remove(String receiver);

    /**
     * States in memory, lost at restart: for the command line and tests.
     *
     * @return empty states
     */
    static ReceiverStates inMemory() {
        Map<String, State> states = new ConcurrentHashMap<>();
        return new ReceiverStates() {
            @Override
            public Optional<State> get(String receiver) {
                return Optional.ofNullable(states.get(receiver));
            }

            @Override
            public void put(State state) {
                states.put(state.receiver(), state);
            }

            @Override
            public void remove(String receiver) {
                states.remove(receiver);
            }
        };
    }
}
