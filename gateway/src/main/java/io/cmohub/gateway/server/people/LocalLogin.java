package io.cmohub.gateway.server.people;

import io.cmohub.gateway.server.security.RequestThrottle;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The login of a local account at {@code /login}: the password checked by {@link PasswordPolicy}, failures
 * counted per account (locked after {@code cmohub.people.lockout-failures}) and per address (the API's
 * failed-authentication limit), every attempt audited. The refusal never says whether the username exists.
 */
public class LocalLogin implements AuthenticationProvider {
    private static final String REFUSED = "wrong username or password";

    private final JdbcAccounts accounts;
    private final PasswordPolicy passwords;
    private final PeopleProperties properties;
    private final RequestThrottle throttle;

    public LocalLogin(JdbcAccounts accounts, PasswordPolicy passwords, PeopleProperties properties, RequestThrottle throttle) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName() == null ? "" : attempt.getName().strip();
        String password = attempt.getCredentials() == null ? null : attempt.getCredentials().toString();
        String source = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        if (throttle.failuresExhausted(source) > 0) {
            throw new LockedException("too many failed logins from this address; try again later");
        }
        Optional<PersonAccount> account = accounts.find(username).filter(a -> a.source() == PersonAccount.Source.LOCAL);
        boolean matches = passwords.matches(username, password); // also for unknown users: same work either way
        if (account.isEmpty() || !matches) {
            throttle.failed(source);
            if (account.isPresent() && account.get().lockedAt(Instant.now())) {
                throw new LockedException("the account is locked after repeated failed logins; try again later or ask an administrator");
            }
            boolean lockedNow = accounts.loginFailed(username.length() > 64 ? username.substring(0, 64) : username,
                    properties.getLockoutFailures(), properties.getLockoutDuration(), source);
            throw lockedNow ? new LockedException("the account is locked after repeated failed logins; try again later or ask an administrator")
                    : new BadCredentialsException(REFUSED);
        }
        PersonAccount person = account.get();
        if (person.lockedAt(Instant.now())) {
            throw new LockedException("the account is locked after repeated failed logins; try again later or ask an administrator");
        }
        if (!person.enabled()) {
            throw new DisabledException("the account is disabled");
        }
        accounts.loggedIn(person, "local password", source);
        return UsernamePasswordAuthenticationToken.authenticated(username, null,
                person.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
