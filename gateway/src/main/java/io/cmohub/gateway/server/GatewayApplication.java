package io.cmohub.gateway.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The standalone gateway: Spring Boot wiring of the cmo-hub routes, connectors and stores. */
@SpringBootApplication
public class GatewayApplication {
    /** Artemis's client-side switch for what an ObjectMessage may deserialise; read whenever a body is deserialised. */
    static final String DESERIALISATION_DENY_LIST = "org.apache.activemq.artemis.jms.deserialization.denylist";

    static {
        // No hub message is a Java object: whatever a broker client of this JVM is handed as an
        // ObjectMessage is refused by Artemis before a single class is loaded from it. Set in the class
        // itself, so that it holds for every way the gateway is started (CLI, tests, an IDE).
        if (System.getProperty(DESERIALISATION_DENY_LIST) == null) {
            System.setProperty(DESERIALISATION_DENY_LIST, "*");
        }
    }

    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(GatewayApplication.class, args);
    }
}
