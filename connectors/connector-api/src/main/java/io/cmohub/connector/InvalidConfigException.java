package io.cmohub.connector;

import java.util.List;

/** A connector configuration broke its descriptor; every problem is listed. */
public class InvalidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public InvalidConfigException(String connectorId, List<String> problems) {
        super("invalid configuration for connector " + connectorId + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
