package io.cmohub.coordination.cases;

/** A partner tried to answer or read an evidence request addressed to another CMO. The attempt is audited as DENIED. */
public class NotYourRequestException extends SecurityException {
    private static final long serialVersionUID = 1L;

    public NotYourRequestException(String message) {
        super(message);
    }
}
