package io.cmohub.gateway.server.people;

import io.cmohub.gateway.server.security.Principal;
import io.cmohub.model.value.PartnerId;
import io.cmohub.routes.partner.PartnerDirectory;
import java.util.Set;

/**
 * What an administrator does to local accounts, from the API or the console: create one (with a password
 * given or generated, to be changed at the first login), change name, roles, partner or enabled, reset the
 * password. Separation of duties holds here, once: nobody changes their own roles or resets their own password.
 */
public class AccountAdministration {
    /** A change refused because of who asks, not because of what was sent (HTTP 409). */
    public static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message);
        }
    }

    /** The account after the change, and a generated password to hand over once (null when none was generated). */
    public record Outcome(PersonAccount account, String initialPassword) {
    }

    /** A requested change; null fields stay as they are. */
    public record Change(String displayName, Set<Role> roles, String partner, boolean partnerGiven, Boolean enabled, boolean resetPassword, String reason) {
    }

    private final JdbcAccounts accounts;
    private final PasswordPolicy passwords;
    private final PartnerDirectory partners;

    public AccountAdministration(JdbcAccounts accounts, PasswordPolicy passwords, PartnerDirectory partners) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.partners = partners;
    }

    /** Throws {@link IllegalArgumentException} for invalid values, {@link Conflict} when the username is taken. */
    public Outcome create(Principal admin, String username, String displayName, Set<Role> roles, String partner, String password) {
        String name = AccountRules.username(username);
        String boundTo = partner(partner);
        PersonAccount account = new PersonAccount(name, AccountRules.displayName(displayName), AccountRules.roles(roles, boundTo), boundTo,
                PersonAccount.Source.LOCAL, true, true, 0, null, null, null, null, admin.actor());
        String given = password == null ? passwords.generateFor(name) : password;
        String hash = passwords.hashNew(name, given);
        if (accounts.find(name).isPresent()) {
            throw new Conflict("an account '" + name + "' exists; change it instead");
        }
        return new Outcome(accounts.create(account, hash, admin.actor()), password == null ? given : null);
    }

    /** Throws {@link IllegalArgumentException} for invalid values, {@link Conflict} for a change of one's own roles, state or password. */
    public Outcome change(Principal admin, PersonAccount before, Change change) {
        String partner = change.partnerGiven() ? partner(change.partner()) : before.partner();
        Set<Role> roles = change.roles() != null ? change.roles() : before.roles();
        PersonAccount after = new PersonAccount(before.username(), change.displayName() != null ? AccountRules.displayName(change.displayName())
                : before.displayName(), AccountRules.roles(roles, partner), partner, before.source(),
                change.enabled() != null ? change.enabled() : before.enabled(), before.passwordChangeRequired(), before.failedLogins(),
                before.lockedUntil(), before.lastLoginAt(), before.passwordChangedAt(), before.createdAt(), before.createdBy());
        if (admin.isPerson() && admin.id().equals(before.username()) && (!after.enabled() || !after.roles().equals(before.roles()) || change.resetPassword())) {
            // separation of duties: nobody grants themselves a role or resets their own password past the password policy
            throw new Conflict("an administrator cannot change their own roles, disable their own account or reset their own"
                    + " password; another administrator must (a person changes their own password with POST /api/v1/me/password)");
        }
        if (!after.equals(before)) {
            after = accounts.update(before, after, admin.actor(), change.reason() == null || change.reason().isBlank() ? "changed by an administrator"
                    : change.reason());
        }
        String initial = null;
        if (change.resetPassword()) {
            initial = passwords.generateFor(before.username());
            accounts.setPassword(before.username(), passwords.hashNew(before.username(), initial), true, admin.actor(), "PASSWORD_RESET");
            after = accounts.find(before.username()).orElseThrow();
        }
        return new Outcome(after, initial);
    }

    private String partner(String partner) {
        if (partner == null || partner.isBlank()) {
            return null;
        }
        if (partners.find(PartnerId.of(partner)).isEmpty()) {
            throw new IllegalArgumentException("no partner '" + partner + "'");
        }
        return partner;
    }
}
