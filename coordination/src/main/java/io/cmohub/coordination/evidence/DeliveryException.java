package io.cmohub.coordination.evidence;

/**
 * A notice could not be delivered. {@code permanent} failures (the receiver refused the message,
 * e.g. HTTP 400/401/404) are not retried: retrying would only repeat the refusal; they need an
 * operator (a wrong address or secret in the liaison register).
 */
public class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
