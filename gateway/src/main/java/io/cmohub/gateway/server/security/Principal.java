package io.cmohub.gateway.server.security;

/** Who is calling: the admin, or a partner by id. */
public record Principal(Kind kind, String id) {
    public enum Kind { ADMIN, PARTNER }

    public static final String REQUEST_ATTRIBUTE = "cmohub.principal";

    public boolean isAdmin() {
        return kind == Kind.ADMIN;
    }

    /** The actor name written to the audit trail. */
    public String actor() {
        return isAdmin() ? "admin" : id;
    }
}
