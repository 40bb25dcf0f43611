package io.cmohub.emvs.simulator;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Empty databases for the simulator to migrate: a fresh in-memory H2, and PostgreSQL in a fresh
 * schema when CMOHUB_TEST_POSTGRES_URL is set (skipped with a printed reason otherwise; under
 * CI=true a missing server is a failure), as in the routes module.
 */
final class TestDatabases {
    private TestDatabases() {
    }

    static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:emvs-sim-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    static DataSource postgres() {
        String url = System.getenv("CMOHUB_TEST_POSTGRES_URL");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (url == null && !ci) {
            String reason = "PostgreSQL tests skipped: set CMOHUB_TEST_POSTGRES_URL (CI sets it to the local server)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url != null ? url : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = "emvs_sim_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var c = pg.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + url, e);
        }
        pg.setCurrentSchema(schema);
        return pg;
    }
}
