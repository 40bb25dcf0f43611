package io.cmohub.coordination;

import io.cmohub.routes.templates.CmoHubSchema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases whose hub tables another Flyway created from the old location {@code db/migration/cmohub}
 * carry on with the hub's own Flyway at {@link CmoHubSchema#LOCATION}: the scripts kept their names and
 * content, so the recorded checksums still match.
 */
class CmoHubSchemaTest {
    private static final List<String> BEFORE_THE_MOVE = List.of("V1__hub_core.sql", "V2__alert_intake.sql", "V3__alert_coordination.sql");

    @TempDir
    Path oldLocation;

    private JdbcDataSource databaseMigratedFromTheOldLocation() throws Exception {
        for (String script : BEFORE_THE_MOVE) {
            try (InputStream in = getClass().getResourceAsStream("/io/cmohub/db/migration/" + script)) {
                Files.copy(in, oldLocation.resolve(script));
            }
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        // what Spring Boot's Flyway did in the gateway (spring.flyway.locations=classpath:db/migration/cmohub)
        Flyway.configure().dataSource(h2).locations("filesystem:" + oldLocation).load().migrate();
        return h2;
    }

    @Test
    void theGatewaysHistoryTableContinuesWhereItStands() throws Exception {
        JdbcDataSource h2 = databaseMigratedFromTheOldLocation();

        assertThat(CmoHubSchema.migrate(h2, "flyway_schema_history")).as("only what came after the move (V4 to V7, V11 to V13)").isEqualTo(7);
        assertThat(CmoHubSchema.migrate(h2, "flyway_schema_history")).isZero();
    }

    @Test
    void aHostWhoseOwnFlywayAppliedTheHubsScriptsBaselinesTheHubsHistory() throws Exception {
        JdbcDataSource h2 = databaseMigratedFromTheOldLocation();

        assertThat(CmoHubSchema.migrate(h2, CmoHubSchema.DEFAULT_HISTORY_TABLE, "3")).as("V4 to V7, V11 to V13").isEqualTo(7);
        assertThat(CmoHubSchema.migrate(h2)).isZero();
    }

    @Test
    void aFreshDatabaseGetsEveryMigration() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

        assertThat(CmoHubSchema.migrate(h2)).as("V1 to V7, V11 to V13").isEqualTo(10);
    }

    @Test
    void aHostThatRanTheRoutesAloneGetsTheCoordinationScriptsWhenItAddsThem() throws Exception {
        for (String script : List.of("V1__hub_core.sql", "V6__document_attempts.sql", "V7__audit_key.sql")) {
            try (InputStream in = getClass().getResourceAsStream("/io/cmohub/db/migration/" + script)) {
                Files.copy(in, oldLocation.resolve(script));
            }
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("filesystem:" + oldLocation).table(CmoHubSchema.DEFAULT_HISTORY_TABLE).load().migrate();

        assertThat(CmoHubSchema.migrate(h2)).as("V2 to V5, V11 to V13, after V7").isEqualTo(7);
    }
}
