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

    /** The actor in audit rows, timelines, answers and liaison versions: {@link #actorOf}. */
    public String actor() {
        return actorOf(username, displayName);
    }

    /**
     * {@code user:<username> (<display name>)}: {@code user:} keeps a person apart from partner ids, the stable id
     * comes first, then the name as it was when they acted, cut to 100 characters so the whole fits the
     * 200-character actor columns.
     */
    public static String actorOf(String username, String displayName) {
        return "user:" + username + " (" + (displayName.length() > 100 ? displayName.substring(0, 100) : displayName) + ")";
    }
}
