package io.cmohub.gateway.server.security;

/**
 * Who is calling: the admin, a partner by id, or an alert source (a national system or relay posting
 * alerts) by {@code alert-source:<name>}. The prefix holds a ':' so it can never equal a partner id.
 */
public record Principal(Kind kind, String id) {
    public enum Kind { ADMIN, PARTNER, ALERT_SOURCE }

    public static final String REQUEST_ATTRIBUTE = "cmohub.principal";

    public boolean isAdmin() {
        return kind == Kind.ADMIN;
    }

    public boolean isAlertSource() {
        return kind == Kind.ALERT_SOURCE;
    }

    /** The actor name written to the audit trail. */
    public String actor() {
        return isAdmin() ? "admin" : id;
    }
}
