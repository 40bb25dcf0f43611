package io.cmohub.console;

import io.cmohub.console.pages.IdleSessionGuard;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's pages, for a Spring MVC host to import. The host provides a {@link ConsoleAccess}, the
 * coordination beans ({@code CaseCoordinator}, {@code LiaisonRegister}, {@code Scorecard}), the document
 * registry and store, and the audit trail; it puts {@code /console/**} behind its login.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan("io.cmohub.console.pages")
public class ConsoleConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new IdleSessionGuard()).addPathPatterns("/console", "/console/**");
    }
}
