package io.cmohub.gateway.server.people;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a valid account looks like: a username that is safe everywhere it is printed, and roles that fit
 * together (a liaison is only a liaison; an administrator signs no GxP decision).
 */
public final class AccountRules {
    /** The roles whose holders sign case closures and release overrides. */
    private static final Set<Role> SIGNING = EnumSet.of(Role.QP, Role.QA, Role.SERIALIZATION_OPS);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    private AccountRules() {
    }

    public static String username(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username '" + username + "' must be 2-64 characters of a-z, 0-9, '.', '_', '@' or '-', starting with a letter or digit");
        }
        return username;
    }

    public static String displayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 200 || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("displayName must be 1-200 printable characters (it is the printed name on signatures)");
        }
        return displayName.strip();
    }

    /** A liaison acts for exactly one partner and holds no sponsor role; sponsor people have no partner. */
    public static Set<Role> roles(Set<Role> roles, String partner) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        Set<Role> copy = EnumSet.copyOf(roles);
        if (copy.contains(Role.LIAISON)) {
            if (copy.size() > 1) {
                throw new IllegalArgumentException("LIAISON is a CMO role and cannot be combined with sponsor roles " + copy);
            }
            if (partner == null || partner.isBlank()) {
                throw new IllegalArgumentException("a LIAISON account needs the partner it acts for");
            }
        } else if (partner != null && !partner.isBlank()) {
            throw new IllegalArgumentException("only a LIAISON account is bound to a partner; sponsor roles " + copy + " are not");
        }
        if (copy.contains(Role.ADMIN) && copy.stream().anyMatch(SIGNING::contains)) {
            // separation of duties: whoever administers accounts and passwords must not also sign the decisions made with them
            throw new IllegalArgumentException("ADMIN cannot be combined with the roles that sign GxP decisions " + SIGNING + "; give them to another person");
        }
        return copy;
    }
}
