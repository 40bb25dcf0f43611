package io.cmohub.connector;

import java.util.List;

/**
 * One configuration property of a connector, declared once with its documentation beside it.
 *
 * @param name          kebab-case key, e.g. {@code delimiter}
 * @param title         short label (not starting with "The", "A" or "An")
 * @param description   what it does, with units and examples
 * @param type          value type, checked when the configuration is built
 * @param defaultValue  default as text, or null when there is none
 * @param required      whether a value must be given (a required property has no default)
 * @param secret        whether the value is a credential: never logged, never shown back
 * @param allowedValues for {@link Type#ENUM}: the accepted values
 */
public record ConfigProperty(String name, String title, String description, Type type, String defaultValue, boolean required,
                             boolean secret, List<String> allowedValues) {

    public enum Type { STRING, INTEGER, BOOLEAN, CHARACTER, CHARSET, ENUM, ZONE_ID }

    public ConfigProperty {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    public static ConfigProperty optional(String name, String title, String description, Type type, String defaultValue) {
        return new ConfigProperty(name, title, description, type, defaultValue, false, false, List.of());
    }

    public static ConfigProperty required(String name, String title, String description, Type type) {
        return new ConfigProperty(name, title, description, type, null, true, false, List.of());
    }

    public static ConfigProperty oneOf(String name, String title, String description, String defaultValue, List<String> values) {
        return new ConfigProperty(name, title, description, Type.ENUM, defaultValue, false, false, values);
    }
}
