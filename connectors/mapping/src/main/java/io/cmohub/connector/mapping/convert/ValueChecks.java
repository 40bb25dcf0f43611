package io.cmohub.connector.mapping.convert;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a mapping can put in a field's converter chain: the value passes unchanged, or the record is
 * refused with the mapping's own message and the value as the CMO sent it. {@code matches} takes a
 * Java regular expression ({@link Pattern}) that must match the whole value.
 */
final class ValueChecks {
    private ValueChecks() {
    }

    /** {@code matches: '[A-Z]{2}[0-9]{5}'} or {@code matches: {pattern: ..., message: ...}}. */
    static Converter matches(ConverterArgument a) {
        reject(a, Set.of("pattern", "message"));
        String regex = a.option("pattern", true);
        if (regex == null) {
            throw new IllegalArgumentException("needs a pattern: matches: '[A-Z]{2}[0-9]{5}' or {pattern: ..., message: ...}");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern '" + regex + "' is not a regular expression: " + e.getDescription());
        }
        String message = a.option("message", false);
        return v -> {
            String value = String.valueOf(v);
            if (!pattern.matcher(value).matches()) {
                throw new IllegalArgumentException("'" + value + "' " + (message != null ? message : "does not match " + regex));
            }
            return v;
        };
    }

    /** {@code one-of: [A, B]} or {@code one-of: {values: [A, B], message: ...}}; exact, case-sensitive. */
    static Converter oneOf(ConverterArgument a) {
        List<String> values = a.value() instanceof List<?> list ? list.stream().map(String::valueOf).toList() : a.list("values");
        reject(a, Set.of("values", "message"));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("needs the allowed values: one-of: [A, B] or {values: [A, B], message: ...}");
        }
        String message = a.option("message", false);
        Set<String> allowed = Set.copyOf(values);
        return v -> {
            String value = String.valueOf(v);
            if (!allowed.contains(value)) {
                throw new IllegalArgumentException("'" + value + "' " + (message != null ? message : "is not one of " + String.join(", ", values)));
            }
            return v;
        };
    }

    private static void reject(ConverterArgument a, Set<String> known) {
        for (String key : a.keys()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("has no option '" + key + "' (options: " + new java.util.TreeSet<>(known) + ")");
            }
        }
    }
}
