package io.cmohub.gateway.server.console;

/** Why a person made a change, as typed in a console form: at most 500 characters, no control characters; a default when blank. */
public record AuditReason(String text) {
    public static final int MAX = 500;

    public AuditReason {
        if (text == null || text.isBlank() || text.length() > MAX || text.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new IllegalArgumentException("a reason is 1-" + MAX + " printable characters on one line");
        }
        text = text.strip();
    }

    /** {@code typed}, or {@code fallback} when nothing was typed; {@link IllegalArgumentException} when it is too long or not one line. */
    public static AuditReason of(String typed, String fallback) {
        return new AuditReason(typed == null || typed.isBlank() ? fallback : typed);
    }
}
