package io.cmohub.coordination.alert;

/**
 * The hub could not file a notice (database or broker failure). Nothing was recorded: the channel
 * must deliver it again (a SOAP Server fault, HTTP 503, the next poll, the mail left unread).
 */
public class AlertIntakeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AlertIntakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
