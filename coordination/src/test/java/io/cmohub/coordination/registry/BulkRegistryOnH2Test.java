package io.cmohub.coordination.registry;

import io.cmohub.routes.templates.CmoHubSchema;
import io.cmohub.testsupport.TestDatabases;
import javax.sql.DataSource;

class BulkRegistryOnH2Test extends BulkRegistryTest {
    @Override
    DataSource database() {
        return TestDatabases.h2(CmoHubSchema::migrate);
    }
}
