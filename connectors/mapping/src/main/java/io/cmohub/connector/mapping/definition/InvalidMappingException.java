package io.cmohub.connector.mapping.definition;

import java.util.List;

/** A mapping file that cannot be used; every problem is listed with its line, so one edit fixes them all. */
public final class InvalidMappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidMappingException(String origin, List<String> problems) {
        super("mapping " + origin + " is invalid:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code line N: what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
