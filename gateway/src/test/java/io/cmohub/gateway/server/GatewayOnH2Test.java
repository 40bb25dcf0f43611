package io.cmohub.gateway.server;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The end-to-end flow on the embedded defaults: H2 file database. */
class GatewayOnH2Test extends GatewayEndToEndTest {
    static final java.nio.file.Path DATA_DIR = newDataDir();

    @Override
    java.nio.file.Path dataDir() {
        return DATA_DIR;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        gatewayProperties(registry, DATA_DIR);
    }
}
