package dev.shenava.alerts;

import java.time.Instant;
import java.util.List;

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
