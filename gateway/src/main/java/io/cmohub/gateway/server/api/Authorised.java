package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Who may call this endpoint; every {@code /api} handler declares it (an endpoint without it refuses everyone). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Authorised {
    AccessRule value();
}
