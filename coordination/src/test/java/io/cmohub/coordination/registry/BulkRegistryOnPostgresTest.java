package io.cmohub.coordination.registry;

import io.cmohub.routes.templates.CmoHubSchema;
import io.cmohub.testsupport.TestDatabases;
import javax.sql.DataSource;

class BulkRegistryOnPostgresTest extends BulkRegistryTest {
    @Override
    DataSource database() {
        return TestDatabases.postgres(CmoHubSchema::migrate);
    }
}
