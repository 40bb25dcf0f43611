package io.cmohub.routes.templates;

/**
 * One parameter of a cmo-hub route template, declared the way a Kamelet declares its properties:
 * a name, whether it must be given, the default used when it is not, and what it means.
 *
 * @param defaultValue the value used when the parameter is not given; null when there is none (required, or optional and empty)
 */
public record TemplateParameter(String name, boolean required, String defaultValue, String description) {

    public TemplateParameter {
        if (name == null || !name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("template parameter name '" + name + "' must be camelCase");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("template parameter '" + name + "' needs a description");
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("template parameter '" + name + "' is required and so cannot have a default");
        }
    }

    public static TemplateParameter required(String name, String description) {
        return new TemplateParameter(name, true, null, description);
    }

    public static TemplateParameter optional(String name, String defaultValue, String description) {
        return new TemplateParameter(name, false, defaultValue, description);
    }
}
