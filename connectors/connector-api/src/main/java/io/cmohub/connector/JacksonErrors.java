package io.cmohub.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.cmohub.model.value.InvalidValueException;
import java.util.stream.Collectors;

/**
 * Turns Jackson's binding failures into a {@link FieldError}: the JSON path becomes the field, and
 * the model's own rule (an {@link InvalidValueException} inside Jackson's wrapper) becomes the
 * reason, instead of a message about constructors and Java types.
 */
public final class JacksonErrors {
    private JacksonErrors() {
    }

    public static FieldError toFieldError(String pathPrefix, JsonProcessingException e) {
        String path = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String field = path == null ? pathPrefix : pathPrefix == null ? path : pathPrefix + "." + path;
        return new FieldError(field, reason(e));
    }

    private static String reason(JsonProcessingException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof InvalidValueException rule) {
                return rule.getMessage();
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "'" + unknown.getPropertyName() + "' is not a field of " + unknown.getReferringClass().getSimpleName();
        }
        if (e instanceof InvalidFormatException format) {
            return "'" + format.getValue() + "' is not a valid " + describe(format.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return type.getSimpleName() + " (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")";
        }
        return type.getSimpleName();
    }
}
