package io.cmohub.gateway.server.people;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a person (or machine credential) may do. Sponsor roles work cases, release batches, run the
 * hub or read it; {@link #LIAISON} is a CMO person and is bound to one partner.
 */
public enum Role {
    SERIALIZATION_OPS, QA, QP, ADMIN, AUDITOR, LIAISON;

    /** Every sponsor role: who may read cases, alerts, documents of any partner, the scorecard. */
    public static final Set<Role> SPONSOR = EnumSet.of(SERIALIZATION_OPS, QA, QP, ADMIN, AUDITOR);
    /** Who works cases and alerts: reconcile, retry notices, change EAMS status. */
    public static final Set<Role> CASE_WORK = EnumSet.of(SERIALIZATION_OPS, QA, ADMIN);
    /** Who closes a case with its root cause (an e-signed decision, so people only). */
    public static final Set<Role> CASE_DECISION = EnumSet.of(SERIALIZATION_OPS, QA);
    /** Who asks whether a batch may be released. */
    public static final Set<Role> RELEASE = EnumSet.of(QP, QA, ADMIN);
    /** Who keeps the hub's data flowing: the liaison register, replays of quarantined documents. */
    public static final Set<Role> OPERATIONS = EnumSet.of(SERIALIZATION_OPS, ADMIN);
    /** Who reviews the audit trail and its verification. */
    public static final Set<Role> AUDIT_REVIEW = EnumSet.of(ADMIN, AUDITOR, QA);
    /** Who runs the hub: users, partners, liaisons, dead letters, replays. */
    public static final Set<Role> ADMINISTRATION = EnumSet.of(ADMIN);

    public boolean isSponsor() {
        return this != LIAISON;
    }

    /** {@code text} as a role, case-insensitively; an unknown name is refused naming the known ones. */
    public static Role parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown role '" + text + "'; known: " + java.util.Arrays.toString(values()));
        }
    }
}
