package io.cmohub.connector.mapping.source;

import java.util.Map;

/**
 * One record of a flat export, as field name → text.
 *
 * @param location where it is, e.g. "line 7" or "record 3 (line 12)"
 * @param fields   CSV columns, flattened JSON paths or XML paths; absent fields are not in the map
 */
public record SourceRecord(String location, Map<String, String> fields) {
}
