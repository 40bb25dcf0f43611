package io.cmohub.gateway.server.people;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Local accounts on the embedded default database. */
class PeopleOnH2Test extends PeopleTest {
    static final Path DATA_DIR = newDataDir();

    @Override
    Path dataDir() {
        return DATA_DIR;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, DATA_DIR);
    }
}
