package io.cmohub.gateway.server.people;

import io.cmohub.gateway.server.security.Principal;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The person behind the current request, as Spring Security authenticated them — a local login session,
 * an identity-provider login session, or a bearer JWT — read again from the account store on every
 * request: a disabled or locked account or changed roles apply at once, not at the next login.
 */
public class PersonLookup {
    private final JdbcAccounts accounts;
    private final OidcPeople oidc;
    private final io.cmohub.routes.partner.PartnerDirectory partners;

    public PersonLookup(JdbcAccounts accounts, OidcPeople oidc, io.cmohub.routes.partner.PartnerDirectory partners) {
        this.accounts = accounts;
        this.oidc = oidc;
        this.partners = partners;
    }

    /** The current person; a liaison only while their partner exists and is enabled (disabling a CMO stops its people too). */
    public Optional<Principal> current() {
        return authenticated().filter(person -> person.partner() == null || partnerEnabled(person.partner()));
    }

    /** The person of a bearer JWT only (never a session): what a request that sent a JWT is authenticated as. */
    public Optional<Principal> currentFromToken() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken ? current() : Optional.empty();
    }

    private boolean partnerEnabled(String partner) {
        try {
            return partners.find(io.cmohub.model.value.PartnerId.of(partner)).map(io.cmohub.routes.partner.PartnerProfile::enabled).orElse(false);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Optional<Principal> authenticated() {
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
        if (authentication instanceof OAuth2AuthenticationToken login) {
            return oidc.person(login.getPrincipal().getAttributes(), "oidc");
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return oidc.person(token.getTokenAttributes(), "oidc-token");
        }
        return Optional.empty();
    }
}
