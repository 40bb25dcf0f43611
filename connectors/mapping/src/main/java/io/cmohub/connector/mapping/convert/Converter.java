package io.cmohub.connector.mapping.convert;

/** One step of a field's conversion chain, made once at load time by a {@link ConverterFactory}. */
@FunctionalInterface
public interface Converter {

    /**
     * Converts a value: source text, or what the previous converter returned (String, BigDecimal,
     * Boolean, LocalDate, Instant or a canonical value type). Throws {@link IllegalArgumentException}
     * (or the model's InvalidValueException) with a reason the CMO can act on.
     */
    Object convert(Object value);
}
