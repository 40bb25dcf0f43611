package io.cmohub.gateway.server.api;

import io.cmohub.routes.store.DocumentTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns refusals into RFC 9457 problem documents with a specific reason: bad input is a 4xx, never a 500. */
@RestControllerAdvice
public class ApiExceptionHandler {

    @ExceptionHandler(ApiException.class)
    ProblemDetail refused(ApiException e) {
        return ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    }

    /** A signature that does not fit the action (another record, used, expired, someone else's): the decision is not carried out. */
    @ExceptionHandler(io.cmohub.gateway.server.signatures.SignatureRefusedException.class)
    ProblemDetail signatureRefused(io.cmohub.gateway.server.signatures.SignatureRefusedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(DocumentTooLargeException.class)
    ProblemDetail tooLarge(DocumentTooLargeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    /**
     * The hub's database or store failed: 503 with Retry-After, and no internal text (SQL, host names) in
     * what the partner sees; the cause is in the log. Nothing was kept, so sending again is safe.
     */
    @ExceptionHandler(io.cmohub.routes.store.StoreException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> unavailable(io.cmohub.routes.store.StoreException e) {
        org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class).error("request failed on the hub's store: {}", e.toString(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the hub cannot store or read right now (its database is unavailable); nothing was kept, send the request again later");
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").body(problem);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "query parameter '" + e.getParameterName() + "' is required");
    }
}
