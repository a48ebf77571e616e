package dev.shenava.api;

/**
 * A request the API cannot serve as sent: answered with 400 and the message.
 */
public class BadRequestException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message which parameter is wrong and what is accepted
     */
    public BadRequestException(String message) {
        super(message);
    }
}
