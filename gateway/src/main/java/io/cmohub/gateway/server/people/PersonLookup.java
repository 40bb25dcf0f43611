package io.cmohub.gateway.server.people;

import io.cmohub.gateway.server.security.Principal;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person behind the current request, as Spring Security authenticated them (a login session), read
 * again from the account store on every request: a disabled or locked account or changed roles apply at
 * once, not at the next login.
 */
public class PersonLookup {
    private final JdbcAccounts accounts;

    public PersonLookup(JdbcAccounts accounts) {
        this.accounts = accounts;
    }

    public Optional<Principal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication instanceof UsernamePasswordAuthenticationToken) {
            return accounts.find(authentication.getName())
                    .filter(account -> account.enabled() && account.source() == PersonAccount.Source.LOCAL
                            && !account.lockedAt(java.time.Instant.now()))
                    .map(account -> Principal.person(account, "password"));
        }
        return Optional.empty();
    }
}
