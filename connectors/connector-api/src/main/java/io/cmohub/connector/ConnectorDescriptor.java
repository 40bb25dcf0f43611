package io.cmohub.connector;

import io.cmohub.model.EntityType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A connector's description as data: the source for its documentation, for configuration
 * validation and for the conformance lint every connector passes.
 *
 * @param id                 the format id used on the API, the CLI and in partner configuration (kebab-case)
 * @param title              a short human name, e.g. "CMO batch record CSV"
 * @param description        what the format is and who produces it
 * @param mediaTypes         media types of the documents it reads
 * @param produces           the canonical entities it can emit
 * @param properties         its configuration properties
 * @param defaultErrorPolicy what happens to the valid records of a document that also has invalid ones
 */
public record ConnectorDescriptor(
        String id,
        String title,
        String description,
        List<String> mediaTypes,
        Set<EntityType> produces,
        List<ConfigProperty> properties,
        ErrorPolicy defaultErrorPolicy) {

    public ConnectorDescriptor {
        mediaTypes = List.copyOf(mediaTypes);
        // EnumSet keeps the declaration order, so listings are stable
        produces = produces.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(produces));
        properties = List.copyOf(properties);
    }

    public Optional<ConfigProperty> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
