package dev.shenava.alerts;

import java.time.Instant;
import java.util.Objects;

/**
 * One webhook delivery in the outbox: an event's body for one target, and where its attempts stand.
 *
 * <p>The body is rendered once, when the event is raised, so every retry sends the same bytes;
 * the signature is computed at each attempt, over that attempt's timestamp.
 *
 * @param id            delivery id: the event id and the target's position ({@code <eventId>-<n>})
 * @param eventId       the event delivered; sent as the {@code Shenava-Event-Id} header
 * @param ruleId        the rule whose secret signs the body
 * @param target        where it goes
 * @param body          the rendered body
 * @param state         where it stands
 * @param attempts      attempts made so far
 * @param createdAt     when the event was raised
 * @param nextAttemptAt when the next attempt is due (pending and paused deliveries)
 * @param lastAttemptAt when the last attempt was made, or null
 * @param lastStatus    the last HTTP status, 0 when none came back
 * @param lastError     what went wrong last, or null
 */
public record Delivery(String id, String eventId, String ruleId, WebhookTarget target, String body,
                       DeliveryState state, int attempts, Instant createdAt, Instant nextAttemptAt,
                       Instant lastAttemptAt, int lastStatus, String lastError) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        ruleId = ruleId == null ? "" : ruleId;
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /**
     * A new pending delivery, due now.
     *
     * @param event  the event
     * @param index  the target's position in the rule
     * @param target the target
     * @param body   the rendered body
     * @return the delivery
     */
    public static Delivery pending(AlertEvent event, int index, WebhookTarget target, String body) {
        return new Delivery(event.id() + "-" + index, event.id(), event.ruleId(), target, body, DeliveryState.PENDING,
                0, event.createdAt(), event.createdAt(), null, 0, null);
    }

    Delivery attempted(DeliveryState next, Instant at, Instant nextAttempt, int status, String error) {
        return new Delivery(id, eventId, ruleId, target, body, next, attempts + 1, createdAt, nextAttempt, at, status, error);
    }

    /** This delivery held by a sender until {@code until}: not due for anyone else before then. */
    Delivery leased(Instant until) {
        return new Delivery(id, eventId, ruleId, target, body, state, attempts, createdAt, until, lastAttemptAt,
                lastStatus, lastError);
    }

    Delivery paused(Instant until) {
        return new Delivery(id, eventId, ruleId, target, body, DeliveryState.PAUSED, attempts, createdAt, until,
                lastAttemptAt, lastStatus, lastError == null ? "receiver paused after repeated failures" : lastError);
    }

    /**
     * The summary shown with the event.
     *
     * @return target, state, attempts, last attempt and error
     */
    public AlertEvent.DeliverySummary summary() {
        return new AlertEvent.DeliverySummary(target.url(), state.id(), attempts, lastAttemptAt, lastError);
    }
}
