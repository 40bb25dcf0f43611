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
    /** One answer for every refusal, so that it tells nothing about which accounts exist, are locked or disabled. */
    private static final String REFUSED = "wrong username or password, or the account is locked or disabled";

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
        String audited = username.length() > 64 ? username.substring(0, 64) : username;
        if (throttle.failuresExhausted(source) > 0) {
            accounts.loginRefused(audited, "too many failed logins from this address", source);
            throw new LockedException(REFUSED);
        }
        Optional<PersonAccount> account = accounts.find(username).filter(a -> a.source() == PersonAccount.Source.LOCAL);
        boolean matches = passwords.matches(username, password); // also for unknown users: same work either way
        if (account.isEmpty() || !matches) {
            throttle.failed(source);
            if (account.isPresent() && account.get().lockedAt(Instant.now())) {
                accounts.loginRefused(audited, "wrong password while the account is locked", source);
                throw new LockedException(REFUSED);
            }
            accounts.loginFailed(audited, properties.getLockoutFailures(), properties.getLockoutDuration(), source);
            throw new BadCredentialsException(REFUSED);
        }
        PersonAccount person = account.get();
        if (person.lockedAt(Instant.now())) {
            accounts.loginRefused(audited, "the account is locked", source);
            throw new LockedException(REFUSED);
        }
        if (!person.enabled()) {
            accounts.loginRefused(audited, "the account is disabled", source);
            throw new DisabledException(REFUSED);
        }
        if (!accounts.loggedIn(person, "local password", source)) {
            throw new LockedException(REFUSED);
        }
        return UsernamePasswordAuthenticationToken.authenticated(username, null,
                person.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
