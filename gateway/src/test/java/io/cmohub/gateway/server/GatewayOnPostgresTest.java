package io.cmohub.gateway.server;

import io.cmohub.testsupport.TestDatabases;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same end-to-end flow on PostgreSQL, in a schema of its own. Runs when CMOHUB_TEST_POSTGRES_URL
 * is set (CI sets it); skipped with a printed reason otherwise.
 */
@org.junit.jupiter.api.condition.EnabledIf(value = "io.cmohub.gateway.server.GatewayOnPostgresTest#configured",
        disabledReason = "PostgreSQL gateway test skipped: set CMOHUB_TEST_POSTGRES_URL (CI sets it to the local server)")
class GatewayOnPostgresTest extends GatewayEndToEndTest {
    static final Path DATA_DIR = newDataDir();

    @Override
    Path dataDir() {
        return DATA_DIR;
    }

    /** Outside CI and without a URL the class is skipped (a condition, not an abort: Spring would turn that into a context error). */
    static boolean configured() {
        return TestDatabases.postgresConfigured("PostgreSQL gateway test");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, DATA_DIR);
        String url = TestDatabases.postgresUrlOfFreshSchema();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "");
    }
}
