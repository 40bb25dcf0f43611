package io.cmohub.model.value;

/**
 * A value broke one of the canonical model's rules. The message names the rule that was broken
 * ("check digit ...", "longer than 20 characters", "month 13 ..."), never just "invalid", so a CMO
 * can fix the export from the message alone. The field is attached by whoever knows it: a
 * connector mapping a column, the envelope reader naming an attribute, or the codec's JSON path.
 */
public class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidValueException(String rule) {
        this(null, rule);
    }

    public InvalidValueException(String field, String rule) {
        super(rule);
        this.field = field;
    }

    /** The field the rule applies to, when the thrower knew it; otherwise null. */
    public String field() {
        return field;
    }
}
