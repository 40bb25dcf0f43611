package io.cmohub.gateway.server.api;

import org.springframework.http.HttpStatus;

/** A request the gateway refuses, with the HTTP status and the reason given to the caller. */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;

    public ApiException(HttpStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
