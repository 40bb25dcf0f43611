package io.cmohub.gateway.server.people;

import io.cmohub.gateway.server.security.Principal;

/**
 * A person replacing their own local password, from the API or the console: the current one must be right
 * (a wrong one counts towards the lockout, like a failed login) and the new one must meet the policy.
 */
public class OwnPassword {
    /** Why the change was refused, in a sentence for the person. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean policy;

        Refused(String message, boolean policy) {
            super(message);
            this.policy = policy;
        }

        /** True when the new password broke the policy; false when the person may not or the current password was wrong. */
        public boolean policy() {
            return policy;
        }
    }

    private final PasswordPolicy passwords;
    private final JdbcAccounts accounts;
    private final PeopleProperties people;

    public OwnPassword(PasswordPolicy passwords, JdbcAccounts accounts, PeopleProperties people) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.people = people;
    }

    public void change(Principal principal, String currentPassword, String newPassword, String remoteAddress) {
        if (!principal.isPerson() || !"password".equals(principal.how())) {
            throw new Refused("only a person logged in with a local password can change it here", false);
        }
        if (!passwords.matches(principal.id(), currentPassword)) {
            accounts.loginFailed(principal.id(), people.getLockoutFailures(), people.getLockoutDuration(), remoteAddress);
            throw new Refused("the current password is wrong", false);
        }
        String hash;
        try {
            hash = passwords.hashNew(principal.id(), newPassword);
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage(), true);
        }
        accounts.setPassword(principal.id(), hash, false, principal.actor(), "PASSWORD_CHANGE");
    }
}
