package io.cmohub.routes.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/embedding.md shows every template's parameters exactly as they are declared to Camel. */
class EmbeddingDocTest {

    @Test
    void theDocumentedParameterTablesAreTheDeclaredOnes() throws Exception {
        String doc = Files.readString(Path.of("../docs/embedding.md"));
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (RouteTemplateDescriptor template : CmoHubRouteTemplates.ALL) {
            soft.assertThat(doc).as("docs/embedding.md, table of %s; expected:%n%s", template.id(), template.markdownTable())
                    .contains(template.markdownTable());
        }
        soft.assertAll();
    }
}
