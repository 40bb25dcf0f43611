package io.cmohub.gateway.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The standalone gateway: Spring Boot wiring of the cmo-hub routes, connectors and stores. */
@SpringBootApplication
public class GatewayApplication {

    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(GatewayApplication.class, args);
    }
}
