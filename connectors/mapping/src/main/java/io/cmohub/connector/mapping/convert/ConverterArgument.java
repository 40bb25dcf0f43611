package io.cmohub.connector.mapping.convert;

import java.util.List;
import java.util.Map;

/**
 * What a mapping file wrote after a converter's name: nothing ({@code trim}), a scalar
 * ({@code date: dd.MM.yyyy}), a list or a map ({@code datetime: {pattern: ..., zone: ...}}), plus
 * the mapping's code lists.
 */
public record ConverterArgument(Object value, Map<String, Map<String, String>> codeLists) {

    public boolean isAbsent() {
        return value == null;
    }

    /** The argument as text; throws when it is missing or not a scalar. */
    public String text() {
        if (value == null || value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("needs a single value as its argument");
        }
        return value.toString();
    }

    /** A key of a map argument, or the scalar argument itself when {@code key} is the main one. */
    public String option(String key, boolean main) {
        if (value instanceof Map<?, ?> map) {
            Object v = map.get(key);
            return v == null ? null : v.toString();
        }
        return main && value != null && !(value instanceof List) ? value.toString() : null;
    }

    /** The keys of a map argument (empty otherwise), to refuse unknown options. */
    public java.util.Set<String> keys() {
        return value instanceof Map<?, ?> map ? map.keySet().stream().map(Object::toString).collect(java.util.stream.Collectors.toSet()) : java.util.Set.of();
    }

    /** A list under {@code key} of a map argument; empty when absent. */
    public List<String> list(String key) {
        if (value instanceof Map<?, ?> map && map.get(key) instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
