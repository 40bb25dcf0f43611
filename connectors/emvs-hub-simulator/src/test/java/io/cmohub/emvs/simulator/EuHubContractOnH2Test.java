package io.cmohub.emvs.simulator;

import javax.sql.DataSource;

class EuHubContractOnH2Test extends EuHubContractTest {
    @Override
    DataSource database() {
        return TestDatabases.h2();
    }
}
