package io.cmohub.gateway.server.people;

import io.cmohub.gateway.server.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call an endpoint, declared once per endpoint ({@code @Authorised}), enforced before the handler
 * runs and printed in the OpenAPI document. Object-level checks (a partner only on its own path and
 * documents) stay in the handlers.
 */
public enum AccessRule {
    /** Any authenticated caller: person or machine. */
    ANYONE(Set.of(), false, false, false, true),
    /** A named person, whatever the role: their own password, their signatures. */
    PERSON(Set.of(), false, false, true, true),
    SPONSOR_READ(Role.SPONSOR, false, false, false, false),
    CASE_WORK(Role.CASE_WORK, false, false, false, false),
    /** A signed case decision: a named person with a case-decision role. */
    CASE_DECISION(Role.CASE_DECISION, false, false, true, false),
    RELEASE(Role.RELEASE, false, false, false, false),
    OPERATIONS(Role.OPERATIONS, false, false, false, false),
    AUDIT_REVIEW(Role.AUDIT_REVIEW, false, false, false, false),
    ADMINISTRATION(Role.ADMINISTRATION, false, false, false, false),
    /** A QP's signed release of a batch whose release check failed. */
    SIGNED_RELEASE(java.util.EnumSet.of(Role.QP), false, false, true, false),
    /** A signed change to who answers for a CMO: a named person who keeps the data flowing. */
    SIGNED_OPERATIONS(Role.OPERATIONS, false, false, true, false),
    /** The partner's own credentials and liaisons (on their own partner only), or an administrator. */
    PARTNER(Role.ADMINISTRATION, true, false, false, false),
    /** Read a partner's data: the partner's own credentials and liaisons, or any sponsor role. */
    PARTNER_READ(Role.SPONSOR, true, false, false, false),
    /** An administrator who signs: creating a partner decides what the hub accepts as that CMO's data. */
    SIGNED_ADMINISTRATION(Role.ADMINISTRATION, false, false, true, false),
    /** Posting alerts: a configured alert source, or someone who works cases. */
    ALERT_INTAKE(Role.CASE_WORK, false, true, false, false);

    private final Set<Role> roles;
    private final boolean partner;
    private final boolean alertSource;
    private final boolean personOnly;
    private final boolean anyRole;

    AccessRule(Set<Role> roles, boolean partner, boolean alertSource, boolean personOnly, boolean anyRole) {
        this.roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        this.partner = partner;
        this.alertSource = alertSource;
        this.personOnly = personOnly;
        this.anyRole = anyRole;
    }

    public boolean allows(Principal caller) {
        if (personOnly && !caller.isPerson()) {
            return false;
        }
        return anyRole || caller.hasAny(roles)
                || partner && (caller.kind() == Principal.Kind.PARTNER || caller.roles().contains(Role.LIAISON))
                || alertSource && caller.isAlertSource();
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean partner() {
        return partner;
    }

    public boolean alertSource() {
        return alertSource;
    }

    public boolean personOnly() {
        return personOnly;
    }

    /** In words, for refusals and the API document. */
    public String describe() {
        String who = anyRole ? (personOnly ? "any named person" : "any authenticated caller")
                : (personOnly ? "a named person with one of the roles " : "one of the roles ") + roles.stream().map(Enum::name).sorted()
                .collect(Collectors.joining(", ", "[", "]"));
        if (partner) {
            who += ", or the partner's own credential or LIAISON (its own partner only)";
        }
        if (alertSource) {
            who += ", or a configured alert source";
        }
        return who;
    }
}
