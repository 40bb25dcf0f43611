package io.cmohub.connector.mapping;

import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentParser;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.RecordSink;
import io.cmohub.connector.mapping.convert.Converter;
import io.cmohub.connector.mapping.definition.FieldMapping;
import io.cmohub.connector.mapping.definition.MappingDefinition;
import io.cmohub.connector.mapping.definition.OutputMapping;
import io.cmohub.connector.mapping.source.RecordReader;
import io.cmohub.connector.mapping.source.SourceRecord;
import io.cmohub.connector.mapping.canonical.CanonicalShape;
import io.cmohub.connector.mapping.canonical.RecordAssembler;
import io.cmohub.connector.mapping.canonical.TargetField;
import io.cmohub.model.CanonicalRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a mapping to a document: reads records with the source's reader, then for every output
 * whose condition holds converts each field and assembles the canonical record. All errors of a
 * record are collected, so the CMO sees every problem of a row at once.
 */
final class MappingParser implements DocumentParser {
    private final MappingDefinition mapping;
    private final RecordReader reader;
    private final List<CompiledOutput> outputs;

    MappingParser(MappingDefinition mapping) {
        this.mapping = mapping;
        this.reader = RecordReader.of(mapping.source(), referencedFields(mapping));
        this.outputs = mapping.outputs().stream().map(CompiledOutput::new).toList();
    }

    @Override
    public void parse(InputStream in, DocumentContext context, RecordSink sink) throws IOException {
        reader.read(in, context.limits(), sink, record -> map(record, context, sink));
    }

    private void map(SourceRecord record, DocumentContext context, RecordSink sink) {
        if (mapping.skip() != null && mapping.skip().test(record.fields())) {
            return;
        }
        List<CanonicalRecord> made = new ArrayList<>(outputs.size());
        List<FieldError> errors = new ArrayList<>();
        boolean matched = false;
        for (CompiledOutput output : outputs) {
            if (output.mapping.when() != null && !output.mapping.when().test(record.fields())) {
                continue;
            }
            matched = true;
            CanonicalRecord canonical = output.assemble(record.fields(), context, errors);
            if (canonical != null) {
                made.add(canonical);
            }
        }
        if (!matched) {
            errors.add(new FieldError(null, "no output of mapping " + mapping.id() + " applies to this record (check the 'when' conditions)"));
        }
        if (errors.isEmpty()) {
            sink.accepted(record.location(), made);
        } else {
            sink.rejected(record.location(), errors);
        }
    }

    /** CSV columns the mapping reads, with the mapping line naming each, for the header check. */
    private static Map<String, Integer> referencedFields(MappingDefinition mapping) {
        Map<String, Integer> referenced = new LinkedHashMap<>();
        if (mapping.skip() != null) {
            referenced.putIfAbsent(mapping.skip().from(), mapping.skip().line());
        }
        for (OutputMapping output : mapping.outputs()) {
            if (output.when() != null) {
                referenced.putIfAbsent(output.when().from(), output.when().line());
            }
            for (FieldMapping field : output.fields()) {
                field.sources().forEach(source -> referenced.putIfAbsent(source, field.line()));
            }
        }
        return referenced;
    }

    /** An output with its target paths resolved once, not per record. */
    private static final class CompiledOutput {
        private final OutputMapping mapping;
        private final Map<FieldMapping, TargetField> targets = new LinkedHashMap<>();
        private final Map<String, String> blame = new HashMap<>();
        private final boolean fillPartner;

        CompiledOutput(OutputMapping mapping) {
            this.mapping = mapping;
            for (FieldMapping field : withSourceStatus(mapping)) {
                targets.put(field, CanonicalShape.resolve(mapping.entity(), field.target()));
                blame.put(field.target(), field.blame());
            }
            this.fillPartner = CanonicalShape.hasPartner(mapping.entity());
        }

        /**
         * The output's fields and, for a batch whose status a converter translates from a source field (a code list:
         * {@code freigegeben} → RELEASED), its {@code sourceStatus} from the same field as the CMO wrote it, unless the
         * mapping maps {@code sourceStatus} itself: what the CMO said is kept beside what the hub understood.
         */
        private static List<FieldMapping> withSourceStatus(OutputMapping mapping) {
            if (mapping.entity() != io.cmohub.model.EntityType.BATCH || mapping.fields().stream().anyMatch(f -> f.target().equals("sourceStatus"))) {
                return mapping.fields();
            }
            return mapping.fields().stream().filter(f -> f.target().equals("status") && f.from() != null && !f.converters().isEmpty()).findFirst()
                    .map(status -> {
                        List<FieldMapping> fields = new ArrayList<>(mapping.fields());
                        fields.add(new FieldMapping("sourceStatus", status.from(), null, null, null, null, false, null,
                                List.of(value -> String.valueOf(value).strip()), status.line()));
                        return fields;
                    }).orElse(mapping.fields());
        }

        CanonicalRecord assemble(Map<String, String> fields, DocumentContext context, List<FieldError> errors) {
            RecordAssembler assembler = new RecordAssembler(mapping.entity());
            int before = errors.size();
            targets.forEach((field, target) -> {
                Object value = value(field, fields, errors);
                if (value == null) {
                    return;
                }
                try {
                    assembler.set(target, value, readsDocument(field, fields));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(field.blame(), e.getMessage()));
                }
            });
            if (errors.size() > before) {
                return null;
            }
            if (fillPartner) {
                assembler.partner(context.partner());
            }
            return assembler.build(blame, errors);
        }

        /** Whether the value comes from the document, not from a constant or a default. */
        private static boolean readsDocument(FieldMapping field, Map<String, String> fields) {
            for (String source : field.sources()) {
                String value = fields.get(source);
                if (value != null && !value.isBlank()) {
                    return true;
                }
            }
            return false;
        }

        /** The converted value, null when blank (and not required) or when a converter refused it. */
        private static Object value(FieldMapping field, Map<String, String> fields, List<FieldError> errors) {
            String raw;
            if (field.constant() != null) {
                raw = field.constant();
            } else if (field.from() != null) {
                raw = fields.get(field.from());
            } else {
                List<String> parts = new ArrayList<>();
                for (String source : field.concat()) {
                    String part = fields.get(source);
                    if (part != null && !part.isBlank()) {
                        parts.add(part.strip());
                    }
                }
                raw = String.join(field.separator(), parts);
            }
            if (raw == null || raw.isBlank()) {
                if (field.defaultValue() != null) {
                    raw = field.defaultValue();
                } else {
                    if (field.required()) {
                        errors.add(new FieldError(field.blame(), field.blame() + " is required"));
                    }
                    return null;
                }
            }
            try {
                if (field.split() != null) {
                    List<Object> elements = new ArrayList<>();
                    for (String element : field.splitPattern().split(raw)) {
                        if (!element.isBlank()) {
                            elements.add(convert(field, element.strip()));
                        }
                    }
                    return elements;
                }
                return convert(field, raw.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field.blame(), e.getMessage()));
                return null;
            }
        }

        private static Object convert(FieldMapping field, String raw) {
            Object value = raw;
            for (Converter converter : field.converters()) {
                value = converter.convert(value);
            }
            return value;
        }
    }
}
