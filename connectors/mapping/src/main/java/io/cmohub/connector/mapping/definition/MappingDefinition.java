package io.cmohub.connector.mapping.definition;

import io.cmohub.connector.ErrorPolicy;
import java.util.List;
import java.util.Map;

/**
 * One CMO export format described as data: how to read its records and how each record becomes
 * canonical records. Loaded from YAML by {@link MappingLoader}, which has checked every name in it.
 *
 * @param id          format id (kebab-case), the name used on the CLI, the API and in partner configuration
 * @param title       short human name
 * @param description what the export is and who produces it
 * @param origin      where the mapping was loaded from (file or classpath resource), for messages
 * @param source      how records are read
 * @param errorPolicy what happens to the valid records of a document that has invalid ones
 * @param codeLists   named code lists: partner code → canonical code
 * @param skip        rows that are not records at all (trailer lines, comments); null when none
 * @param outputs     what each record becomes; a record matching no output is rejected
 */
public record MappingDefinition(String id, String title, String description, String origin, SourceSpec source, ErrorPolicy errorPolicy,
                                Map<String, Map<String, String>> codeLists, Condition skip, List<OutputMapping> outputs) {
    public MappingDefinition {
        codeLists = Map.copyOf(codeLists);
        outputs = List.copyOf(outputs);
    }
}
