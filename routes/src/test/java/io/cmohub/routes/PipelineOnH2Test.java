package io.cmohub.routes;

import javax.sql.DataSource;

class PipelineOnH2Test extends PipelineTest {
    @Override
    DataSource database() {
        return HubDatabases.h2();
    }
}
