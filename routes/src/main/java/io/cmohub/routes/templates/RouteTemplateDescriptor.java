package io.cmohub.routes.templates;

import java.util.List;
import java.util.Optional;

/**
 * What a cmo-hub route template is and which parameters it takes. The templates are declared to
 * Camel from these descriptors ({@link CmoHubRouteTemplates}), and docs/embedding.md lists the same
 * ones, so the declaration and its documentation cannot drift apart.
 */
public record RouteTemplateDescriptor(String id, String title, String description, List<TemplateParameter> parameters) {

    public RouteTemplateDescriptor {
        parameters = List.copyOf(parameters);
        if (parameters.stream().map(TemplateParameter::name).distinct().count() != parameters.size()) {
            throw new IllegalArgumentException("template " + id + " declares a parameter twice");
        }
    }

    public Optional<TemplateParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The parameter table in Markdown, as docs/embedding.md shows it. */
    public String markdownTable() {
        StringBuilder table = new StringBuilder("| Parameter | Required | Default | Description |\n|---|---|---|---|\n");
        for (TemplateParameter p : parameters) {
            table.append("| `").append(p.name()).append("` | ").append(p.required() ? "yes" : "no").append(" | ")
                    .append(p.defaultValue() == null || p.defaultValue().isEmpty() ? "" : "`" + p.defaultValue() + "`").append(" | ")
                    .append(p.description().replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }
}
