package io.cmohub.model.value;

/**
 * A value broke one of the canonical model's rules. The message names the rule that was broken
 * ("check digit ...", "longer than 20 characters", "month 13 ..."), never just "invalid", so a CMO
 * can fix the export from the message alone. The field name is attached by whoever knows it (a
 * connector mapping a column, or the JSON/XML codec reporting a path).
 */
public class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String rule) {
        super(rule);
    }
}
