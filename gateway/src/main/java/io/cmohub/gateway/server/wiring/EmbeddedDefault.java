package io.cmohub.gateway.server.wiring;

import org.springframework.core.env.Environment;

/**
 * Whether this gateway runs as the embedded default of the README walk-through (H2, plain HTTP) or as
 * an installation of its own (PostgreSQL, TLS): what the demo partner's public key may open.
 */
record EmbeddedDefault(String databaseUrl, boolean tls) {

    static EmbeddedDefault of(Environment environment) {
        return new EmbeddedDefault(environment.getProperty("spring.datasource.url", ""),
                environment.getProperty("server.ssl.enabled", Boolean.class, false));
    }

    boolean isEmbeddedDefault() {
        return databaseUrl.startsWith("jdbc:h2:") && !tls;
    }

    String describe() {
        String database = databaseUrl.startsWith("jdbc:h2:") ? "H2" : databaseUrl.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "database "
                + databaseUrl.replaceAll("//[^/@]*@", "//");
        return database + (tls ? ", TLS" : ", plain HTTP");
    }
}
