package dev.shenava.api;

import io.helidon.http.Method;

import java.util.Locale;

/**
 * What an API key may do: viewers read, analysts also correct mentions and export, admins do everything.
 */
public enum ApiRole {
    /** GET only. */
    VIEWER,
    /** GET, PATCH of mentions, export. */
    ANALYST,
    /** Everything. */
    ADMIN;

    /**
     * Reads a role name.
     *
     * @param name viewer, analyst or admin, any case
     * @return the role
     * @throws IllegalArgumentException for any other name
     */
    public static ApiRole of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("api key role must be viewer, analyst or admin, was '" + name + "'");
        }
    }

    /**
     * The least role a request needs.
     *
     * @param method HTTP method
     * @param path   request path, e.g. {@code /api/v1/mentions/export}
     * @return the role
     */
    public static ApiRole needed(Method method, String path) {
        boolean mentions = path.startsWith("/api/v1/mentions");
        if (mentions && path.startsWith("/api/v1/mentions/export")) {
            return ANALYST;
        }
        if (method == Method.GET || method == Method.HEAD || method == Method.OPTIONS) {
            return VIEWER;
        }
        if (method == Method.PATCH && mentions) {
            return ANALYST;
        }
        return ADMIN;
    }

    /**
     * Whether this role covers another.
     *
     * @param needed the role a request needs
     * @return true when this role is at least as strong
     */
    public boolean covers(ApiRole needed) {
        return ordinal() >= needed.ordinal();
    }
}
