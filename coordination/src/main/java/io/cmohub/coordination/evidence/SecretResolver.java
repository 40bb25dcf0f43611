package io.cmohub.coordination.evidence;

import java.util.Optional;

/** Looks up a secret by the name the liaison register holds ({@code secretRef}); the host binds it to its secret store. */
@FunctionalInterface
public interface SecretResolver {
    Optional<String> secret(String secretRef);
}
