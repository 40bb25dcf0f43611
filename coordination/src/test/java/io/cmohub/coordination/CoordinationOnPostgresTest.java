package io.cmohub.coordination;

import io.cmohub.routes.templates.CmoHubSchema;
import io.cmohub.testsupport.TestDatabases;
import javax.sql.DataSource;

class CoordinationOnPostgresTest extends CoordinationTest {
    @Override
    DataSource database() {
        return TestDatabases.postgres(CmoHubSchema::migrate);
    }
}
