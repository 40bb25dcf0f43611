package io.cmohub.gateway.server.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The console is there exactly when alert coordination is: on {@link ConsoleWiring} and each of the gateway's own console pages. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = {"cmohub.coordination.enabled", "cmohub.eu-hub.enabled"}, havingValue = "true", matchIfMissing = true)
public @interface WithConsole {
}
