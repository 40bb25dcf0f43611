package io.cmohub.connector.sapidoc;

import io.cmohub.connector.MappedFields;
import io.cmohub.model.value.InvalidValueException;
import java.util.function.Supplier;

/**
 * Builds canonical records inside a source record that yields several of them (a batch and its QC
 * results): a rule broken by one record's constructor is recorded against that record's path and
 * the others are still checked, so the CMO sees every problem of the source record at once.
 */
final class Records {
    private Records() {
    }

    static <T> T construct(MappedFields fields, String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            fields.error(e.field() == null ? path : path + "/" + e.field(), e.getMessage());
            return null;
        }
    }
}
