package io.cmohub.connector;

import io.cmohub.model.CanonicalRecord;
import java.util.List;

/**
 * A rule the hub applies to every canonical record after the connector mapped it, whatever the
 * format: the per-record partner authorisation is one. A record that fails is rejected like a
 * record the connector could not map, with the same location.
 */
@FunctionalInterface
public interface RecordCheck {
    RecordCheck NONE = (record, context) -> List.of();

    /** The rules {@code record} breaks; empty when it passes. */
    List<FieldError> check(CanonicalRecord record, DocumentContext context);
}
