package io.cmohub.gateway.server.console;

import io.cmohub.console.ConsoleConfiguration;
import io.cmohub.gateway.server.people.OwnPassword;
import io.cmohub.gateway.server.people.PersonLookup;
import io.cmohub.gateway.server.signatures.JdbcSignatures;
import io.cmohub.gateway.server.signatures.SignatureCeremony;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The console module's pages at {@code /console}, with the gateway's people and signatures behind them. The
 * console shows alert investigations, so it is there exactly when alert coordination is.
 */
@Configuration(proxyBeanMethods = false)
@WithConsole
@Import(ConsoleConfiguration.class)
public class ConsoleWiring {

    @Bean
    GatewayConsoleAccess consoleAccess(PersonLookup people, SignatureCeremony ceremony, JdbcSignatures signatures, OwnPassword ownPassword) {
        return new GatewayConsoleAccess(people, ceremony, signatures, ownPassword);
    }
}
