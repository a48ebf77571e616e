package dev.shenava.alerts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a webhook delivery stands.
 */
public enum DeliveryState {
    /** Waiting for its next attempt. */
    PENDING,
    /** A 2xx came back; never sent again. */
    DELIVERED,
    /** Retries ran out (or the target is refused); never sent again. */
    FAILED,
    /** Its receiver keeps failing, so attempts wait until the receiver's pause ends. */
    PAUSED;

    /**
     * The lower-case id used in JSON.
     *
     * @return e.g. {@code pending}
     */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a lower-case id.
     *
     * @param text the id
     * @return the state
     */
    @JsonCreator
    public static DeliveryState parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether more attempts may follow.
     *
     * @return true for pending and paused
     */
    public boolean open() {
        return this == PENDING || this == PAUSED;
    }
}
