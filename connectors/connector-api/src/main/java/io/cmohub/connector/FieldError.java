package io.cmohub.connector;

/**
 * One broken rule: which field, and why, in words a CMO can act on.
 *
 * @param field  the source field or canonical path, e.g. "expiry" or "data.product"; null when no single field is to blame
 * @param reason the rule broken, e.g. "GTIN 05012345678901 has a wrong check digit: expected 0, found 1"
 */
public record FieldError(String field, String reason) {
    public FieldError {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an error needs a reason");
        }
    }
}
