package io.cmohub.connector.mapping;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.testkit.ConnectorConformanceTest;
import java.nio.file.Path;

/** The conformance kit for one mapping shipped on the classpath, found through the catalogue like the hub finds it. */
abstract class ReferenceMappingTest extends ConnectorConformanceTest {
    private final CmoConnector connector;

    ReferenceMappingTest(String id) {
        this.connector = ConnectorCatalog.load(ReferenceMappingTest.class.getClassLoader()).find(id)
                .orElseThrow(() -> new AssertionError("mapping " + id + " is not on the classpath"));
    }

    @Override
    protected CmoConnector connector() {
        return connector;
    }

    @Override
    protected Path samplesDir() {
        return Path.of("src/test/resources/samples", connector.descriptor().id());
    }
}
