package io.cmohub.connector;

import io.cmohub.model.value.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Maps the fields of one source record and collects every rule they break, so a CMO sees all the
 * problems of a row at once rather than one per upload. Blank source values count as absent.
 */
public final class MappedFields {
    private final List<FieldError> errors = new ArrayList<>();

    /** Converts a raw value; a blank value gives null, a broken rule is recorded against {@code field}. */
    public <T> T optional(String field, String raw, Function<String, T> converter) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return convert(field, raw.strip(), converter);
    }

    /** Like {@link #optional} but a blank value is itself an error. */
    public <T> T required(String field, String raw, Function<String, T> converter) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, field + " is required"));
            return null;
        }
        return convert(field, raw.strip(), converter);
    }

    /** Builds the record from the mapped values; its own rules (required fields, cross-field checks) are recorded too. */
    public <T> T build(Supplier<T> constructor) {
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(e.field(), e.getMessage()));
            return null;
        }
    }

    /**
     * Builds one of several canonical records made from one source record (a batch and its QC
     * results): a rule its constructor breaks is recorded against {@code path} (plus the rule's own
     * field), and the caller goes on to check the others, so the CMO sees every problem at once.
     */
    public <T> T construct(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            error(e.field() == null ? path : path + "/" + e.field(), e.getMessage());
            return null;
        }
    }

    public void error(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    private <T> T convert(String field, String raw, Function<String, T> converter) {
        try {
            return converter.apply(raw);
        } catch (InvalidValueException e) {
            errors.add(new FieldError(field, e.getMessage()));
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, "'" + raw + "' could not be read: " + e.getMessage()));
        }
        return null;
    }
}
