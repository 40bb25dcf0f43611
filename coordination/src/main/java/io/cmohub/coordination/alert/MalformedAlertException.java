package io.cmohub.coordination.alert;

/**
 * A notification that is not the channel's contract, or whose values the model refuses. It is bad
 * input: quarantined with its original bytes and this reason, never retried unchanged.
 */
public class MalformedAlertException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedAlertException(String reason) {
        super(reason);
    }

    public MalformedAlertException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
