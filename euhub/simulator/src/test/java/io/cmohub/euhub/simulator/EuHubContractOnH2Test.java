package io.cmohub.euhub.simulator;

import io.cmohub.testsupport.TestDatabases;
import javax.sql.DataSource;

class EuHubContractOnH2Test extends EuHubContractTest {
    @Override
    DataSource database() {
        return TestDatabases.h2();
    }
}
