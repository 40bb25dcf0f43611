package io.cmohub.console;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The console's pages, for a Spring MVC host to import. The host provides a {@link ConsoleAccess}, the
 * coordination beans ({@code CaseCoordinator}, {@code LiaisonRegister}, {@code Scorecard}), the document
 * registry and store, and the audit trail; it puts {@code /console/**} behind its login.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan("io.cmohub.console.pages")
public class ConsoleConfiguration {
}
