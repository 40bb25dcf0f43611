package io.cmohub.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.model.value.PartnerId;
import io.cmohub.routes.templates.CmoHubPipeline;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A host application that runs Flyway itself, with its own {@code V1__host.sql} in Spring Boot's default
 * location ({@code classpath:db/migration}, test resources), adds the starter. Its Flyway must not see
 * the hub's scripts (the hub's V1 would clash with the host's V1 in one history table), and the hub's
 * own Flyway must still apply them, in its own history table.
 */
class HostFlywayTest {

    @TempDir
    Path dataDir;

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private ApplicationContextRunner hostWithItsOwnFlyway() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                        CmoHubAutoConfiguration.class, CmoHubProcessingAutoConfiguration.class, CmoHubEuHubAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=" + url,
                        "cmohub.data-dir=" + dataDir);
    }

    @Test
    void bothSchemasAreAppliedEachInItsOwnHistoryTable() {
        hostWithItsOwnFlyway().withPropertyValues("cmohub.partners[0].id=acme-cmo", "cmohub.partners[0].products=05012345678900").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Flyway.class).hasSingleBean(CmoHubSchemaMigration.class);
            assertThat(context.getBean(CmoHubPipeline.class).partners().find(PartnerId.of("acme-cmo"))).isPresent();
            DataSource dataSource = context.getBean(DataSource.class);
            assertThat(tables(dataSource)).contains("host_order", "flyway_schema_history", "cmohub_schema_history", "document", "published_event",
                    "coordination_case");
            // the host's history holds the host's migration only; the hub's holds the hub's, after a baseline on the host's tables
            assertThat(history(dataSource, "flyway_schema_history")).containsExactly("1 host");
            assertThat(history(dataSource, "cmohub_schema_history")).containsExactly("0 << Flyway Baseline >>", "1 hub core", "2 alert intake",
                    "3 alert coordination", "4 coordination revisions", "5 serial retractions", "6 document attempts", "7 audit key",
                    "11 registry serial counts", "12 pack state queries", "13 document notices");
        });
        // A restart changes nothing: both Flyways validate their own history and find nothing pending.
        hostWithItsOwnFlyway().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(history(context.getBean(DataSource.class), "cmohub_schema_history")).hasSize(11);
            assertThat(history(context.getBean(DataSource.class), "flyway_schema_history")).hasSize(1);
        });
    }

    @Test
    void withMigrateOffTheStarterLeavesTheSchemaAlone() {
        hostWithItsOwnFlyway().withPropertyValues("cmohub.schema.migrate=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(CmoHubSchemaMigration.class);
            assertThat(tables(context.getBean(DataSource.class))).contains("host_order").doesNotContain("cmohub_schema_history", "document");
        });
    }

    private static List<String> tables(DataSource dataSource) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static List<String> history(DataSource dataSource, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             // Flyway quotes its names on H2; the row without a version is its "history table created" marker
             java.sql.Statement query = c.createStatement();
             ResultSet rs = query.executeQuery("SELECT \"version\", \"description\" FROM \"" + table
                     + "\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
