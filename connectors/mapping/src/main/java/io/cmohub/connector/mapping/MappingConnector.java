package io.cmohub.connector.mapping;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.ConnectorDescriptor;
import io.cmohub.connector.DocumentParser;
import io.cmohub.connector.mapping.definition.MappingDefinition;
import io.cmohub.connector.mapping.definition.OutputMapping;
import io.cmohub.model.EntityType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A connector made of a mapping file: its format id, title and description come from the file,
 * the entities it produces from the file's outputs. All its configuration is the mapping itself,
 * so it declares no properties.
 */
public final class MappingConnector implements CmoConnector {
    private final MappingDefinition mapping;
    private final ConnectorDescriptor descriptor;
    private final MappingParser parser;

    public MappingConnector(MappingDefinition mapping) {
        this.mapping = mapping;
        Set<EntityType> produces = EnumSet.noneOf(EntityType.class);
        mapping.outputs().stream().map(OutputMapping::entity).forEach(produces::add);
        this.descriptor = new ConnectorDescriptor(mapping.id(), mapping.title(), mapping.description(), List.of(mapping.source().mediaType()),
                produces, List.of(), mapping.errorPolicy());
        this.parser = new MappingParser(mapping);
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public DocumentParser open(ConnectorConfig config) {
        return parser;
    }

    public MappingDefinition mapping() {
        return mapping;
    }

    @Override
    public String toString() {
        return "mapping " + mapping.origin();
    }
}
