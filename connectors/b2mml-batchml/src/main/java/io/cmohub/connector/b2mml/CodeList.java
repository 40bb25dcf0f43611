package io.cmohub.connector.b2mml;

import io.cmohub.model.value.InvalidValueException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A code list given as configuration text, {@code code=value;code2=value2}: which source code
 * means which canonical value. Codes are compared without regard to case, because MES exports
 * spell the same status "Released", "RELEASED" or "released"; everything else is exact.
 */
final class CodeList<V> {
    private final String property;
    private final Map<String, V> entries;
    private final List<String> codesAsWritten;

    private CodeList(String property, Map<String, V> entries, List<String> codesAsWritten) {
        this.property = property;
        this.entries = entries;
        this.codesAsWritten = codesAsWritten;
    }

    /**
     * Parses {@code text}; every malformed entry or value is added to {@code problems} (prefixed with
     * the property name) so that a bad configuration is refused with all its mistakes at once.
     */
    static <V> CodeList<V> parse(String property, String text, Function<String, V> value, List<String> problems) {
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
                    if (entries.put(key(code), value.apply(raw)) != null) {
                        problems.add("'" + property + "' lists code '" + code + "' twice");
                    } else {
                        written.add(code);
                    }
                } catch (RuntimeException e) {
                    problems.add("'" + property + "' entry '" + entry.strip() + "': " + e.getMessage());
                }
            }
        }
        return new CodeList<>(property, Collections.unmodifiableMap(entries), List.copyOf(written));
    }

    Optional<V> find(String code) {
        return Optional.ofNullable(entries.get(key(code)));
    }

    /** The value for {@code code}, or an {@link InvalidValueException} naming the list to extend. */
    V require(String what, String code) {
        return find(code).orElseThrow(() -> new InvalidValueException(what + " '" + code + "' is not in the code list '" + property
                + "' (known: " + String.join(", ", codesAsWritten) + "); add it to the connector configuration"));
    }

    private static String key(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }
}
