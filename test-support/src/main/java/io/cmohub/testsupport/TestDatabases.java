package io.cmohub.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Real databases for tests: a fresh in-memory H2, and PostgreSQL in a fresh schema. The PostgreSQL one
 * runs whenever {@value #POSTGRES_URL_VARIABLE} is set (CI sets it) and is skipped with a printed reason
 * otherwise; under {@code CI=true} a missing server is a failure, not a skip, so CI cannot go green by
 * skipping its PostgreSQL variants.
 *
 * <p>Each method takes the schema set-up to run on the empty database (the hub's Flyway, the simulator's,
 * or nothing), so a module's tests say in one place which tables they need.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL_VARIABLE = "CMOHUB_TEST_POSTGRES_URL";
    private static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private TestDatabases() {
    }

    /** An empty in-memory H2 that lives until the JVM ends. */
    public static DataSource h2() {
        return h2(ds -> { });
    }

    /** A fresh in-memory H2 with {@code schema} applied. */
    public static DataSource h2(Consumer<DataSource> schema) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        schema.accept(h2);
        return h2;
    }

    /** An empty, freshly created PostgreSQL schema, set as the data source's current schema. */
    public static DataSource postgres() {
        return postgres(ds -> { });
    }

    /** A freshly created PostgreSQL schema with {@code schema} applied in it. */
    public static DataSource postgres(Consumer<DataSource> schema) {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (url == null && !ci) {
            String reason = "PostgreSQL tests skipped: set " + POSTGRES_URL_VARIABLE + " (CI sets it to the local server)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url != null ? url : DEFAULT_POSTGRES_URL);
        String name = "cmohub_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + name + " on " + pg.getURL(), e);
        }
        pg.setCurrentSchema(name);
        schema.accept(pg);
        return pg;
    }

    /**
     * Whether PostgreSQL tests run here ({@value #POSTGRES_URL_VARIABLE} set, or CI); prints why {@code what} is skipped
     * otherwise. For {@code @EnabledIf} on Spring tests, where an aborted assumption would become a context error.
     */
    public static boolean postgresConfigured(String what) {
        boolean configured = System.getenv(POSTGRES_URL_VARIABLE) != null || "true".equalsIgnoreCase(System.getenv("CI"));
        if (!configured) {
            System.out.println("[skipped] " + what + ": set " + POSTGRES_URL_VARIABLE + " (CI sets it to the local server)");
        }
        return configured;
    }

    /** The JDBC URL of a freshly created PostgreSQL schema, for a Spring context's {@code spring.datasource.url}. */
    public static String postgresUrlOfFreshSchema() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        String base = url != null ? url : DEFAULT_POSTGRES_URL;
        String name = "cmohub_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = java.sql.DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + name + " on " + base, e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }
}
