package dev.shenava.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An outbox in memory, for the command line and for a service run without a store; a restart
 * loses it, so the service keeps its outbox in Elasticsearch.
 */
public final class MemoryOutbox implements Outbox {

    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();

    @Override
    public void add(List<Delivery> added) {
        added.forEach(d -> deliveries.putIfAbsent(d.id(), d));
    }

    @Override
    public List<Delivery> due(Instant now, int max) {
        return deliveries.values().stream()
                .filter(d -> d.state().open() && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(Delivery::nextAttemptAt))
                .limit(max)
                .toList();
    }

    @Override
    public synchronized Optional<Delivery> claim(Delivery delivery, Instant now, Duration lease) {
        Delivery current = deliveries.get(delivery.id());
        if (current == null || !current.state().open() || current.nextAttemptAt().isAfter(now)) {
            return Optional.empty();
        }
        deliveries.put(current.id(), current.leased(now.plus(lease)));
        return Optional.of(current);
    }

    @Override
    public synchronized void update(Delivery delivery) {
        deliveries.put(delivery.id(), delivery);
    }

    @Override
    public List<Delivery> forEvent(String eventId) {
        return deliveries.values().stream()
                .filter(d -> d.eventId().equals(eventId))
                .sorted(Comparator.comparing(Delivery::id))
                .toList();
    }
}
