package io.cmohub.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.EntityType;
import io.cmohub.model.value.InvalidValueException;
import java.net.URI;
import java.time.Instant;

/**
 * A canonical record in its CloudEvents 1.0 envelope (JSON event format), as published on the
 * canonical topics and printed by {@code cmohub convert}. {@code partner} is a CloudEvents
 * extension attribute naming the CMO the record concerns.
 *
 * <p>The {@code id} is derived from the record (see {@link EventIds}), so a re-sent record produces
 * the same id whichever channel or file it came in; the id alone is the hub's deduplication key.
 * Records a partner sends carry the partner in their content, so two partners never share an id.
 */
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "partner", "data"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CanonicalEvent(
        String specversion,
        String id,
        URI source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        URI dataschema,
        String partner,
        CanonicalRecord data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    public static final String SCHEMA_BASE = "https://cmohub.io/schemas/v1/canonical.schema.json#/$defs/";

    public CanonicalEvent {
        if (!SPEC_VERSION.equals(specversion)) {
            throw new InvalidValueException("specversion '" + specversion + "' is not supported; expected " + SPEC_VERSION);
        }
        if (id == null || id.isEmpty()) {
            throw new InvalidValueException("id is required");
        }
        if (source == null) {
            throw new InvalidValueException("source is required");
        }
        if (data == null) {
            throw new InvalidValueException("data is required");
        }
        if (type == null || !type.equals(data.entityType().eventType())) {
            throw new InvalidValueException("type '" + type + "' does not match data of entity " + data.entityType().wireName()
                    + " (expected " + data.entityType().eventType() + ")");
        }
    }

    /** Wraps a record: the id is derived from the record, the time is the record's own time, else {@code fallbackTime}. */
    public static CanonicalEvent of(CanonicalRecord record, URI source, String partner, Instant fallbackTime) {
        EntityType entity = record.entityType();
        Instant time = record.occurredAt() != null ? record.occurredAt() : fallbackTime;
        return new CanonicalEvent(SPEC_VERSION, EventIds.of(record), source, entity.eventType(), record.businessKey(), time,
                CONTENT_TYPE, URI.create(SCHEMA_BASE + entity.schemaName()), partner, record);
    }

    /** The conventional source for records a partner sent: {@code /cmohub/partners/<partner>}. */
    public static URI partnerSource(String partner) {
        return URI.create("/cmohub/partners/" + partner);
    }

    public EntityType entityType() {
        return data.entityType();
    }
}
