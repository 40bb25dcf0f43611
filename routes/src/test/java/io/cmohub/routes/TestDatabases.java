package io.cmohub.routes;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Real databases for the store tests: a fresh in-memory H2, and PostgreSQL in a fresh schema. The
 * PostgreSQL one runs whenever CMOHUB_TEST_POSTGRES_URL is set (CI sets it) and is skipped with a
 * printed reason otherwise; under CI=true a missing server is a failure, not a skip.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(h2, null);
        return h2;
    }

    public static DataSource postgres() {
        String url = System.getenv("CMOHUB_TEST_POSTGRES_URL");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (url == null && !ci) {
            String reason = "PostgreSQL tests skipped: set CMOHUB_TEST_POSTGRES_URL (CI sets it to the local server)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url != null ? url : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = "cmohub_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        migrate(pg, schema);
        pg.setCurrentSchema(schema);
        return pg;
    }

    private static void migrate(DataSource dataSource, String schema) {
        var config = Flyway.configure().dataSource(dataSource).locations(io.cmohub.routes.templates.CmoHubSchema.LOCATION);
        if (schema != null) {
            config.schemas(schema).createSchemas(true);
        }
        config.load().migrate();
    }
}
