package io.cmohub.connector.mapping.definition;

import io.cmohub.model.EntityType;
import java.util.List;

/**
 * One canonical record made from a source record.
 *
 * @param entity what is made
 * @param when   when it is made; null for every record
 * @param fields canonical field path → how its value is found
 * @param line   line of the mapping file, for messages
 */
public record OutputMapping(EntityType entity, Condition when, List<FieldMapping> fields, int line) {
    public OutputMapping {
        fields = List.copyOf(fields);
    }
}
