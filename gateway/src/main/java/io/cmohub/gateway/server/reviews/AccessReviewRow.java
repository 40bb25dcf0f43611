package io.cmohub.gateway.server.reviews;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One line of the access review: a person (local or identity-provider) or a partner credential, what it
 * may do, whether it is enabled, and when it was last used (people) — what an Annex 11 §12 periodic
 * review of access rights looks at.
 */
@JsonPropertyOrder({"kind", "name", "displayName", "roles", "partner", "enabled", "lockedUntil", "lastLoginAt", "passwordChangedAt", "createdAt", "createdBy"})
public record AccessReviewRow(String kind, String name, String displayName, String roles, String partner, boolean enabled, Instant lockedUntil,
                              Instant lastLoginAt, Instant passwordChangedAt, Instant createdAt, String createdBy) {
}
