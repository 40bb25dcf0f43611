package io.cmohub.routes;

import javax.sql.DataSource;

class PipelineOnPostgresTest extends PipelineTest {
    @Override
    DataSource database() {
        return HubDatabases.postgres();
    }
}
