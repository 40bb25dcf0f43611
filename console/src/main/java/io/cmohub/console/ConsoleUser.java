package io.cmohub.console;

import java.util.Set;

/**
 * The person using the console, as the host authenticated them.
 *
 * @param actor   how they appear in audit rows and timelines, e.g. {@code user:quinn (Quinn Martin)}
 * @param partner the CMO a liaison acts for; null for sponsor people
 */
public record ConsoleUser(String username, String displayName, String actor, Set<String> roles, Set<Capability> capabilities, String partner,
                          boolean passwordChangeRequired) {
    public ConsoleUser {
        roles = Set.copyOf(roles);
        capabilities = Set.copyOf(capabilities);
    }

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }

    public boolean isLiaison() {
        return partner != null;
    }
}
