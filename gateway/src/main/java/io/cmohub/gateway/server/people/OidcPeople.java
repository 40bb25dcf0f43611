package io.cmohub.gateway.server.people;

import io.cmohub.gateway.server.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People who sign in through the sponsor's identity provider: their claims mapped to a username, printed
 * name, roles and partner ({@code cmohub.people.oidc.*}), and recorded in {@code person_account} as
 * {@link PersonAccount.Source#OIDC} — for the access review (who, which roles, last login) and so that an
 * administrator can disable one in the hub without waiting for the provider. The provider decides the
 * roles; each login or token brings them anew. A username taken by a local account is refused: an
 * identity provider must not be able to log in as the local administrator.
 */
public class OidcPeople {
    private static final Logger LOG = LoggerFactory.getLogger(OidcPeople.class);
    private static final Duration SEEN_INTERVAL = Duration.ofMinutes(5);

    private final JdbcAccounts accounts;
    private final PeopleProperties.Oidc settings;

    public OidcPeople(JdbcAccounts accounts, PeopleProperties.Oidc settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    /** The person these claims name, if they name one the hub accepts; {@code how} is recorded as how they authenticated. */
    public Optional<Principal> person(Map<String, Object> claims, String how) {
        Optional<PersonAccount> claimed = account(claims);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        PersonAccount account = claimed.get();
        Optional<PersonAccount> stored = accounts.find(account.username());
        if (stored.isPresent() && stored.get().source() != PersonAccount.Source.OIDC) {
            LOG.warn("refused an identity-provider login as '{}': that username is a local account", account.username());
            return Optional.empty();
        }
        if (stored.isPresent() && !stored.get().enabled()) {
            return Optional.empty();
        }
        if (stored.isEmpty() || changed(stored.get(), account)) {
            try {
                accounts.recordOidcPerson(account, stored.orElse(null));
            } catch (io.cmohub.routes.store.StoreException e) {
                // a parallel first request of the same person recorded them a moment earlier; that row stands
                if (accounts.find(account.username()).filter(a -> a.source() == PersonAccount.Source.OIDC).isEmpty()) {
                    throw e;
                }
            }
        }
        return Optional.of(Principal.person(account, how));
    }

    /**
     * When the person behind the current request last proved who they are to the provider: the {@code auth_time}
     * of their sign-in (ID token) or of their bearer token; empty if the provider does not say.
     */
    public Optional<Instant> authenticatedAt() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken login
                && login.getPrincipal() instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser user) {
            return Optional.ofNullable(user.getAuthenticatedAt());
        }
        if (authentication instanceof org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken token) {
            return Optional.ofNullable(token.getToken().getClaimAsInstant("auth_time"));
        }
        return Optional.empty();
    }

    public Duration signatureMaxAge() {
        return settings.getSignatureMaxAge();
    }

    private static boolean changed(PersonAccount stored, PersonAccount now) {
        return !stored.displayName().equals(now.displayName()) || !stored.roles().equals(now.roles())
                || !java.util.Objects.equals(stored.partner(), now.partner())
                || stored.lastLoginAt() == null || stored.lastLoginAt().isBefore(Instant.now().minus(SEEN_INTERVAL));
    }

    Optional<PersonAccount> account(Map<String, Object> claims) {
        Object username = claims.get(settings.getUsernameClaim());
        if (username == null) {
            LOG.warn("an identity-provider token without the username claim '{}' was refused", settings.getUsernameClaim());
            return Optional.empty();
        }
        try {
            String name = AccountRules.username(username.toString().toLowerCase(java.util.Locale.ROOT));
            Object display = claims.get(settings.getDisplayNameClaim());
            Object partner = claims.get(settings.getPartnerClaim());
            Set<Role> roles = roles(claims);
            String partnerId = roles.contains(Role.LIAISON) && partner != null ? io.cmohub.model.value.PartnerId.of(partner.toString()).value() : null;
            AccountRules.roles(roles, partnerId);
            return Optional.of(new PersonAccount(name, AccountRules.displayName(display == null ? name : display.toString()), roles, partnerId,
                    PersonAccount.Source.OIDC, true, false, 0, null, Instant.now(), null, null, "oidc"));
        } catch (IllegalArgumentException e) {
            LOG.warn("refused an identity-provider login as '{}': {}", username, e.getMessage());
            return Optional.empty();
        }
    }

    private Set<Role> roles(Map<String, Object> claims) {
        Object value = claims;
        for (String step : settings.getRolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (value instanceof Collection<?> values) {
            for (Object item : values) {
                String text = String.valueOf(item);
                String mapped = settings.getRoleMapping().getOrDefault(text, text);
                for (Role role : Role.values()) {
                    if (role.name().equalsIgnoreCase(mapped)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }
}
