package io.cmohub.gateway.server.people;

import io.cmohub.testsupport.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Local accounts on PostgreSQL, in a schema of its own; runs when CMOHUB_TEST_POSTGRES_URL is set (CI sets it). */
@org.junit.jupiter.api.condition.EnabledIf(value = "io.cmohub.gateway.server.people.PeopleOnPostgresTest#configured",
        disabledReason = "PostgreSQL people test skipped: set CMOHUB_TEST_POSTGRES_URL (CI sets it to the local server)")
class PeopleOnPostgresTest extends PeopleTest {
    static final Path DATA_DIR = newDataDir();

    @Override
    Path dataDir() {
        return DATA_DIR;
    }

    /** Outside CI and without a URL the class is skipped (a condition, not an abort: Spring would turn that into a context error). */
    static boolean configured() {
        return TestDatabases.postgresConfigured("PostgreSQL people test");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, DATA_DIR);
        String url = TestDatabases.postgresUrlOfFreshSchema();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "");
    }
}
