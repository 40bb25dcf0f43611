package io.cmohub.gateway.server.coordination;

import io.cmohub.coordination.evidence.SecretResolver;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook secrets from configuration ({@code cmohub.coordination.secrets.<ref>}), so Spring's
 * property sources (environment variables, a mounted secrets file) supply them; the liaison
 * register only ever holds the reference.
 */
public record ConfiguredSecrets(Map<String, String> secrets) implements SecretResolver {
    public ConfiguredSecrets {
        secrets = Map.copyOf(secrets);
    }

    /** Names only: a record's default toString would put the secrets into logs. */
    @Override
    public String toString() {
        return "ConfiguredSecrets" + secrets.keySet();
    }

    @Override
    public Optional<String> secret(String secretRef) {
        return Optional.ofNullable(secrets.get(secretRef)).filter(s -> !s.isBlank());
    }
}
