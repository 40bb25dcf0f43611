package io.cmohub.connector.codes;

import java.util.Arrays;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.value.InvalidValueException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A code list given as connector configuration text, {@code code=value;code2=value2}: which source
 * code means which canonical value, compared as {@link Matching} says; everything else is exact.
 */
public final class CodeList<V> {
    /** How codes are compared. */
    public enum Matching {
        /** Without regard to case: MES exports spell the same status "Released", "RELEASED" or "released". */
        IGNORE_CASE,
        /**
         * Without regard to case, and an all-digit code without its leading zeros, as SAP's ALPHA
         * conversion shows material numbers (000000000000100042 in an IDoc is 100042 on screen).
         */
        IGNORE_CASE_AND_LEADING_ZEROS
    }

    private final String property;
    private final Matching matching;
    private final Map<String, V> entries;
    private final List<String> codesAsWritten;

    private CodeList(String property, Matching matching, Map<String, V> entries, List<String> codesAsWritten) {
        this.property = property;
        this.matching = matching;
        this.entries = entries;
        this.codesAsWritten = codesAsWritten;
    }

    /**
     * Parses {@code text}; every malformed entry or value is added to {@code problems} (prefixed with
     * the property name) so that a bad configuration is refused with all its mistakes at once.
     */
    public static <V> CodeList<V> parse(String property, String text, Matching matching, Function<String, V> value, List<String> problems) {
        Map<String, V> entries = new LinkedHashMap<>();
        List<String> written = new java.util.ArrayList<>();
        if (text != null) {
            for (String entry : text.split(";")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.lastIndexOf('=');
                String code = eq < 0 ? "" : entry.substring(0, eq).strip();
                String raw = eq < 0 ? "" : entry.substring(eq + 1).strip();
                if (code.isEmpty() || raw.isEmpty()) {
                    problems.add("'" + property + "' entry '" + entry.strip() + "' is not of the form code=value");
                    continue;
                }
                try {
                    if (entries.put(key(code, matching), value.apply(raw)) != null) {
                        problems.add("'" + property + "' lists code '" + code + "' twice");
                    } else {
                        written.add(code);
                    }
                } catch (RuntimeException e) {
                    problems.add("'" + property + "' entry '" + entry.strip() + "': " + e.getMessage());
                }
            }
        }
        return new CodeList<>(property, matching, Collections.unmodifiableMap(entries), List.copyOf(written));
    }

    public Optional<V> find(String code) {
        return Optional.ofNullable(entries.get(key(code, matching)));
    }

    /** The value for {@code code}, or an {@link InvalidValueException} naming the list to extend. */
    public V require(String what, String code) {
        return find(code).orElseThrow(() -> new InvalidValueException(what + " '" + code + "' is not in the code list '" + property
                + "' (known: " + String.join(", ", codesAsWritten) + "); add it to the connector configuration"));
    }

    private static String key(String code, Matching matching) {
        String key = code.strip().toLowerCase(Locale.ROOT);
        if (matching == Matching.IGNORE_CASE_AND_LEADING_ZEROS && !key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
            String stripped = key.replaceFirst("^0+", "");
            return stripped.isEmpty() ? "0" : stripped;
        }
        return key;
    }

    /** Reads a canonical batch status named in a code list ("released" or "RELEASED"). */
    public static BatchStatus batchStatus(String value) {
        try {
            return BatchStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a batch status (" + Arrays.toString(BatchStatus.values()) + ")");
        }
    }

    /** Reads "true" (out of specification) or "false" from a code list of evaluations. */
    public static Boolean outOfSpecification(String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("'" + value + "' must be true (out of specification) or false");
        }
        return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
    }
}
