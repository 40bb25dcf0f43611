package io.cmohub.coordination.packstates;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cmohub.routes.templates.CmoHubSchema;
import io.cmohub.testsupport.TestDatabases;
import javax.sql.DataSource;

class PackStateSweepsOnPostgresTest extends PackStateSweepsTest {
    @Override
    DataSource database() {
        assumeTrue(TestDatabases.postgresConfigured("pack-state sweeps on PostgreSQL"), "CMOHUB_TEST_POSTGRES_URL is not set");
        return TestDatabases.postgres(CmoHubSchema::migrate);
    }
}
