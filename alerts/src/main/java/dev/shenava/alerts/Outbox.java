package dev.shenava.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue of webhook deliveries: a delivery is added once per event and target, and
 * leaves the open states only when a 2xx came back or its retries ran out.
 */
public interface Outbox {

    /**
     * Adds deliveries; a delivery whose id is already there is left as it is.
     *
     * @param deliveries new deliveries
     */
    void add(List<Delivery> deliveries);

    /**
     * Open deliveries due at {@code now}, oldest due first.
     *
     * @param now the clock
     * @param max at most this many
     * @return the due deliveries
     */
    List<Delivery> due(Instant now, int max);

    /**
     * Takes a due delivery for one attempt, so that no other sender working the same outbox makes
     * that attempt too: the claim succeeds for one sender only, and holds the delivery for
     * {@code lease} (another sender may take it over only when the lease ran out without an update,
     * as after a crash mid-attempt).
     *
     * @param delivery a delivery found by {@link #due}
     * @param now      the clock
     * @param lease    how long the claim holds; longer than one attempt takes
     * @return the delivery as it stands, when this caller won it and it is still open and due;
     *         empty when another sender has it or it is no longer due
     */
    Optional<Delivery> claim(Delivery delivery, Instant now, Duration lease);

    /**
     * Stores the new state of a delivery.
     *
     * @param delivery the delivery after an attempt or a pause
     */
    void update(Delivery delivery);

    /**
     * The deliveries of an event, in target order.
     *
     * @param eventId the event
     * @return its deliveries
     */
    List<Delivery> forEvent(String eventId);
}
