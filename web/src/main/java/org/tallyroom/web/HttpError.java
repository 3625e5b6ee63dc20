package org.tallyroom.web;

/**
 * A request the service refuses, with the HTTP status and a message for the person or program that
 * sent it (never a stack trace): 400 bad input, 401 not signed in, 403 wrong role, 404 not found,
 * 409 the result is in the wrong state for this, 412 the result changed since it was read,
 * 429 too many sign-in attempts.
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    public static HttpError notFound(String what) {
        return new HttpError(404, what + " is not in the results store");
    }
}
