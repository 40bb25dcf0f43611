package io.cmohub.coordination.alert;

import io.cmohub.routes.templates.CmoHubSchema;
import io.cmohub.testsupport.TestDatabases;
import javax.sql.DataSource;

/** Skipped with a printed reason unless CMOHUB_TEST_POSTGRES_URL is set (a failure under CI=true). */
class AlertIntakeOnPostgresTest extends AlertIntakeTest {
    @Override
    DataSource database() {
        return TestDatabases.postgres(CmoHubSchema::migrate);
    }
}
