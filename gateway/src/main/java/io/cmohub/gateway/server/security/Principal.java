package io.cmohub.gateway.server.security;

import io.cmohub.gateway.server.people.PersonAccount;
import io.cmohub.gateway.server.people.Role;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling: a named person (local account or OIDC), or a machine credential — the admin key, a
 * partner's key or certificate, an alert source (a national system or relay posting alerts).
 *
 * @param id          the username of a person, the partner id, {@code alert-source:<name>}, or {@code admin}
 * @param displayName the printed name of a person; the id for machines
 * @param partner     the partner a partner credential or a LIAISON person acts for; null for the sponsor
 * @param how         how the caller proved it: {@code api-key}, {@code certificate}, {@code password}, {@code oidc}
 */
public record Principal(Kind kind, String id, String displayName, Set<Role> roles, String partner, boolean passwordChangeRequired, String how) {
    public enum Kind { ADMIN_KEY, PARTNER, ALERT_SOURCE, PERSON }

    public static final String REQUEST_ATTRIBUTE = "cmohub.principal";

    public Principal {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public static Principal adminKey() {
        return new Principal(Kind.ADMIN_KEY, "admin", "admin API key", EnumSet.of(Role.ADMIN), null, false, "api-key");
    }

    public static Principal partner(String partnerId, String how) {
        return new Principal(Kind.PARTNER, partnerId, partnerId, Set.of(), partnerId, false, how);
    }

    /** The prefix holds a ':' so it can never equal a partner id. */
    public static Principal alertSource(String name) {
        return new Principal(Kind.ALERT_SOURCE, "alert-source:" + name, "alert-source:" + name, Set.of(), null, false, "api-key");
    }

    public static Principal person(PersonAccount account, String how) {
        return new Principal(Kind.PERSON, account.username(), account.displayName(), account.roles(), account.partner(),
                account.passwordChangeRequired(), how);
    }

    public boolean isPerson() {
        return kind == Kind.PERSON;
    }

    public boolean isAlertSource() {
        return kind == Kind.ALERT_SOURCE;
    }

    /** Holds the ADMIN role (a person or the admin key). */
    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean hasAny(Set<Role> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    /** The sponsor sees every partner's data; everyone else only its own partner's. */
    public boolean isSponsor() {
        return hasAny(Role.SPONSOR);
    }

    /** May act in {@code partnerId}'s name: that partner's own credential or liaison, or an administrator. */
    public boolean mayActFor(String partnerId) {
        return isAdmin() || partnerId.equals(partner);
    }

    /** Whose data this caller sees: null for all partners (sponsor), else the one partner (an alert source sees none). */
    public String visiblePartner() {
        return isSponsor() ? null : partner != null ? partner : id;
    }

    /** The actor written to the audit trail, timelines, answers and liaison versions ({@link PersonAccount#actorOf} for a person). */
    public String actor() {
        return switch (kind) {
            case ADMIN_KEY -> "admin";
            case PERSON -> PersonAccount.actorOf(id, displayName);
            case PARTNER, ALERT_SOURCE -> id;
        };
    }
}
