package io.cmohub.connector.mapping.convert;

/**
 * Makes converters of one name. The built-ins are in {@link BuiltInConverters}; a CMO-specific
 * converter is a class implementing this interface, listed in
 * {@code META-INF/services/io.cmohub.connector.mapping.convert.ConverterFactory}.
 */
public interface ConverterFactory {

    /** The name used in mapping files (kebab-case). */
    String name();

    /** One line for the documentation and for "unknown converter" messages. */
    String description();

    /** Builds the converter; throws {@link IllegalArgumentException} when the argument is wrong, and the load fails naming the line. */
    Converter create(ConverterArgument argument);
}
