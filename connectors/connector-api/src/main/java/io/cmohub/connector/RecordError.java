package io.cmohub.connector;

/**
 * A rejected record's error as reported to the partner: where, which field, why.
 *
 * @param location e.g. "line 7", "event 3", or "document"
 * @param field    the field to blame, or null
 * @param reason   the broken rule in words
 */
public record RecordError(String location, String field, String reason) {
}
