package dev.shenava.api;

import io.helidon.http.Status;

/**
 * A request the API answers with an error status and a JSON body
 * {@code {"error": code, "message": ...}} telling the client what to fix.
 */
public final class ApiException extends RuntimeException {

    private final Status status;
    private final String code;

    /**
     * Creates an error answer.
     *
     * @param status  HTTP status
     * @param code    error code from the API contract, e.g. {@code not_found}
     * @param message what is wrong and what to do
     */
    public ApiException(Status status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /**
     * 400 bad_request.
     *
     * @param message what to fix
     * @return the exception
     */
    public static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST_400, "bad_request", message);
    }

    /**
     * 404 not_found.
     *
     * @param message what was not found
     * @return the exception
     */
    public static ApiException notFound(String message) {
        return new ApiException(Status.NOT_FOUND_404, "not_found", message);
    }

    /**
     * 409 conflict.
     *
     * @param message what conflicts
     * @return the exception
     */
    public static ApiException conflict(String message) {
        return new ApiException(Status.CONFLICT_409, "conflict", message);
    }

    /**
     * The HTTP status.
     *
     * @return status
     */
    public Status status() {
        return status;
    }

    /**
     * The error code.
     *
     * @return code
     */
    public String code() {
        return code;
    }
}
