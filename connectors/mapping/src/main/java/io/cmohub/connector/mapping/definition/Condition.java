package io.cmohub.connector.mapping.definition;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A test on one source field, for conditional outputs ({@code when}) and skipped rows ({@code skip}).
 * Exactly one test is set; values are compared after trimming.
 */
public record Condition(String from, String equalsValue, List<String> in, Pattern matches, Boolean blank, int line) {
    public Condition {
        in = in == null ? null : List.copyOf(in);
    }

    public boolean test(Map<String, String> record) {
        String raw = record.get(from);
        String value = raw == null ? "" : raw.strip();
        if (equalsValue != null) {
            return value.equals(equalsValue);
        }
        if (in != null) {
            return in.contains(value);
        }
        if (matches != null) {
            return matches.matcher(value).matches();
        }
        return blank == value.isEmpty();
    }
}
