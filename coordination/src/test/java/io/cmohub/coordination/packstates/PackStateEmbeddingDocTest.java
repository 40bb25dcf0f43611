package io.cmohub.coordination.packstates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/embedding.md shows the pack-state template's parameters as declared, and the YAML its test runs. */
class PackStateEmbeddingDocTest {

    @Test
    void theDocShowsTheDeclaredParametersAndTheTestedYaml() throws Exception {
        String doc = Files.readString(Path.of("../docs/embedding.md"));
        assertThat(doc).as("docs/embedding.md, table of %s; expected:%n%s", PackStateRouteTemplates.ID, PackStateRouteTemplates.DESCRIPTOR.markdownTable())
                .contains(PackStateRouteTemplates.DESCRIPTOR.markdownTable());
        assertThat(doc).as("docs/embedding.md shows the YAML of PackStateRouteTemplateTest").contains(Files.readString(PackStateRouteTemplateTest.YAML));
    }
}
