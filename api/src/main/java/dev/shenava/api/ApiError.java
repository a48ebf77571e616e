package dev.shenava.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error: {@code {"error": code, "message": what to fix}} and, for query errors,
 * the 1-based column.
 *
 * @param error    {@code bad_request}, {@code bad_query}, {@code not_found}, {@code unavailable}, ...
 * @param message  what went wrong and what to do
 * @param position column of a query error, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, Integer position) {

    /**
     * An error without a position.
     *
     * @param error   the code
     * @param message the message
     * @return the error
     */
    public static ApiError of(String error, String message) {
        return new ApiError(error, message, null);
    }
}
