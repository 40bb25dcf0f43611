package io.cmohub.coordination.evidence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cmohub.model.AlertCode;
import io.cmohub.model.EvidenceItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence templates per alert code, read from YAML (format: the shipped
 * {@code cmohub/coordination/evidence-templates.yaml}). Templates are configuration: a sponsor
 * replaces single codes with {@link #overriddenBy(InputStream)}; a code without a template uses
 * the {@code default} entry, which must exist.
 */
public final class EvidenceTemplates {
    public static final String RESOURCE = "/cmohub/coordination/evidence-templates.yaml";
    public static final String DEFAULT = "default";
    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record ItemSpec(String code, String description, Boolean required) {
    }

    record TemplateSpec(String title, List<ItemSpec> items, Map<Party, List<String>> actions) {
    }

    record TemplateFile(Map<String, TemplateSpec> templates) {
    }

    private final Map<String, EvidenceTemplate> templates;

    private EvidenceTemplates(Map<String, EvidenceTemplate> templates) {
        if (!templates.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("evidence templates need a '" + DEFAULT + "' entry for alert codes without their own");
        }
        this.templates = Map.copyOf(templates);
    }

    /** The templates shipped with cmo-hub. */
    public static EvidenceTemplates defaults() {
        try (InputStream in = EvidenceTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new EvidenceTemplates(parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    /** A complete set from one file (it must have a default entry). */
    public static EvidenceTemplates read(InputStream yaml) throws IOException {
        return new EvidenceTemplates(parse(yaml));
    }

    /** These templates with the codes in {@code yaml} replaced or added. */
    public EvidenceTemplates overriddenBy(InputStream yaml) throws IOException {
        Map<String, EvidenceTemplate> merged = new LinkedHashMap<>(templates);
        merged.putAll(parse(yaml));
        return new EvidenceTemplates(merged);
    }

    /** The template for an alert code, or the default one. */
    public EvidenceTemplate forCode(AlertCode code) {
        EvidenceTemplate own = templates.get(code.value());
        return own != null ? own : templates.get(DEFAULT);
    }

    private static Map<String, EvidenceTemplate> parse(InputStream in) throws IOException {
        TemplateFile file = YAML.readValue(in, TemplateFile.class);
        Map<String, EvidenceTemplate> parsed = new LinkedHashMap<>();
        if (file == null || file.templates() == null) {
            return parsed;
        }
        for (Map.Entry<String, TemplateSpec> entry : file.templates().entrySet()) {
            String code = entry.getKey();
            TemplateSpec spec = entry.getValue();
            try {
                if (!DEFAULT.equals(code)) {
                    AlertCode.of(code);
                }
                if (spec == null || spec.title() == null || spec.items() == null) {
                    throw new IllegalArgumentException("title and items are required");
                }
                List<EvidenceItem> items = spec.items().stream()
                        .map(i -> new EvidenceItem(i.code(), i.description(), i.required() == null ? Boolean.TRUE : i.required())).toList();
                Map<Party, List<String>> actions = new EnumMap<>(Party.class);
                if (spec.actions() != null) {
                    spec.actions().forEach((party, list) -> actions.put(party, list == null ? List.of() : List.copyOf(list)));
                }
                parsed.put(code, new EvidenceTemplate(code, spec.title(), items, actions));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("evidence template " + code + ": " + e.getMessage(), e);
            }
        }
        return parsed;
    }
}
