package io.cmohub.gateway.server.people;

import java.time.Instant;
import java.util.Set;

/**
 * A person the gateway knows: a local account (password kept as a hash, never shown) or someone who
 * logged in through the sponsor's identity provider ({@link Source#OIDC}, recorded for the access review).
 *
 * @param partner the CMO partner a {@link Role#LIAISON} acts for; null for sponsor people
 */
public record PersonAccount(String username, String displayName, Set<Role> roles, String partner, Source source, boolean enabled,
                            boolean passwordChangeRequired, int failedLogins, Instant lockedUntil, Instant lastLoginAt,
                            Instant passwordChangedAt, Instant createdAt, String createdBy) {
    public enum Source { LOCAL, OIDC }

    public PersonAccount {
        roles = Set.copyOf(roles);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The actor name in audit rows, timelines and answers: {@code user:} keeps it apart from partner ids. */
    public String actor() {
        return "user:" + username;
    }
}
