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
    ANYONE(Set.of(), Also.ANY_ROLE),
    /** A named person, whatever the role: their own password, their signatures. */
    PERSON(Set.of(), Also.ANY_ROLE, Also.PERSON_ONLY),
    SPONSOR_READ(Role.SPONSOR),
    CASE_WORK(Role.CASE_WORK),
    /** A signed case decision: a named person with a case-decision role. */
    CASE_DECISION(Role.CASE_DECISION, Also.PERSON_ONLY),
    RELEASE(Role.RELEASE),
    OPERATIONS(Role.OPERATIONS),
    AUDIT_REVIEW(Role.AUDIT_REVIEW),
    ADMINISTRATION(Role.ADMINISTRATION),
    /** A QP's signed release of a batch whose release check failed. */
    SIGNED_RELEASE(EnumSet.of(Role.QP), Also.PERSON_ONLY),
    /** A signed change to who answers for a CMO: a named person who keeps the data flowing. */
    SIGNED_OPERATIONS(Role.OPERATIONS, Also.PERSON_ONLY),
    /** The partner's own credentials and liaisons (on their own partner only), or an administrator. */
    PARTNER(Role.ADMINISTRATION, Also.THE_PARTNER),
    /** Read a partner's data: the partner's own credentials and liaisons, or any sponsor role. */
    PARTNER_READ(Role.SPONSOR, Also.THE_PARTNER),
    /** An administrator who signs: creating a partner or saving a mapping decides what the hub accepts as a CMO's data. */
    SIGNED_ADMINISTRATION(Role.ADMINISTRATION, Also.PERSON_ONLY),
    /** Posting alerts: a configured alert source, or someone who works cases. */
    ALERT_INTAKE(Role.CASE_WORK, Also.ALERT_SOURCE);

    /** What a rule allows besides, or demands on top of, its roles. */
    private enum Also {
        /** The partner's own credential or LIAISON, on its own partner (checked again in the handler). */
        THE_PARTNER,
        /** A configured alert source's key. */
        ALERT_SOURCE,
        /** Only a named person (a signed action: a machine key cannot sign). */
        PERSON_ONLY,
        /** Every role. */
        ANY_ROLE
    }

    private final Set<Role> roles;
    private final boolean partner;
    private final boolean alertSource;
    private final boolean personOnly;
    private final boolean anyRole;

    AccessRule(Set<Role> roles, Also... also) {
        Set<Also> flags = also.length == 0 ? EnumSet.noneOf(Also.class) : EnumSet.copyOf(java.util.List.of(also));
        this.roles = roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        this.partner = flags.contains(Also.THE_PARTNER);
        this.alertSource = flags.contains(Also.ALERT_SOURCE);
        this.personOnly = flags.contains(Also.PERSON_ONLY);
        this.anyRole = flags.contains(Also.ANY_ROLE);
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
