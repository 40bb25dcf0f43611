package io.cmohub.connector.mapping.definition;

import io.cmohub.connector.mapping.convert.Converter;
import java.util.List;

/**
 * How one canonical field gets its value. Exactly one of {@code from}, {@code concat} and
 * {@code constant} is set.
 *
 * @param target       canonical path, e.g. {@code batchId} or {@code plannedQuantity.value}
 * @param from         source field (column, JSON path or XML path)
 * @param concat       source fields joined by {@code separator}
 * @param separator    for {@code concat}
 * @param constant     a fixed value
 * @param defaultValue used when the source value is blank
 * @param required     a blank source value is an error even if the canonical field is optional
 * @param split        for list fields: separator between the list's elements in one source value
 * @param converters   applied in order to the (non-blank) value
 * @param line         line of the mapping file, for messages
 */
public record FieldMapping(String target, String from, List<String> concat, String separator, String constant, String defaultValue,
                           boolean required, String split, List<Converter> converters, int line) {
    public FieldMapping {
        concat = concat == null ? List.of() : List.copyOf(concat);
        converters = List.copyOf(converters);
    }

    /** {@link #split} as a pattern, compiled once rather than per value. */
    public java.util.regex.Pattern splitPattern() {
        return split == null ? null : SPLITS.computeIfAbsent(split, s -> java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(s)));
    }

    private static final java.util.Map<String, java.util.regex.Pattern> SPLITS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The source fields this mapping reads. */
    public List<String> sources() {
        return from != null ? List.of(from) : concat;
    }

    /** What to call the field in an error: the source field the CMO knows, else the canonical path. */
    public String blame() {
        return from != null ? from : target;
    }
}
