package io.cmohub.gateway.server.people;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;
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

    static boolean configured() {
        boolean configured = System.getenv("CMOHUB_TEST_POSTGRES_URL") != null || "true".equalsIgnoreCase(System.getenv("CI"));
        if (!configured) {
            System.out.println("[skipped] PostgreSQL people test: set CMOHUB_TEST_POSTGRES_URL (CI sets it to the local server)");
        }
        return configured;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String url = System.getenv("CMOHUB_TEST_POSTGRES_URL");
        String base = url != null ? url : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        String schema = "cmohub_people_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (var c = DriverManager.getConnection(base); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        gatewayProperties(registry, DATA_DIR);
        registry.add("spring.datasource.url", () -> base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> "");
    }
}
