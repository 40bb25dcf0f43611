package io.cmohub.gateway.server.signatures;

import io.cmohub.gateway.server.people.JdbcAccounts;
import io.cmohub.gateway.server.people.OidcPeople;
import io.cmohub.gateway.server.people.PasswordPolicy;
import io.cmohub.gateway.server.people.PeopleProperties;
import io.cmohub.gateway.server.security.Principal;
import java.time.Duration;
import java.time.Instant;

/**
 * Making a signature (21 CFR 11.200): a local person re-enters their password (a wrong one counts towards
 * the lockout); a person of the identity provider has signed in within {@code cmohub.people.oidc.signature-max-age}.
 * Used by the API's {@code POST /api/v1/signatures} and by the console's signed forms.
 */
public class SignatureCeremony {
    private final PasswordPolicy passwords;
    private final JdbcAccounts accounts;
    private final JdbcSignatures signatures;
    private final PeopleProperties people;
    private final OidcPeople oidc;

    public SignatureCeremony(PasswordPolicy passwords, JdbcAccounts accounts, JdbcSignatures signatures, PeopleProperties people, OidcPeople oidc) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.signatures = signatures;
        this.people = people;
        this.oidc = oidc;
    }

    public ElectronicSignature sign(Principal principal, String password, SignatureMeaning meaning, String recordType, String recordId, String remoteAddress) {
        if (!principal.isPerson()) {
            throw new SignatureRefusedException("only a named person can sign; " + principal.actor() + " cannot");
        }
        if ("password".equals(principal.how())) {
            if (!passwords.matches(principal.id(), password)) {
                accounts.loginFailed(principal.id(), people.getLockoutFailures(), people.getLockoutDuration(), remoteAddress);
                throw new SignatureRefusedException("the password is wrong; nothing was signed");
            }
        } else {
            requireFreshSignIn();
        }
        return signatures.sign(principal.id(), principal.displayName(), meaning, recordType, recordId);
    }

    private void requireFreshSignIn() {
        Instant at = oidc.authenticatedAt().orElseThrow(() -> new SignatureRefusedException(
                "the identity provider did not say when you signed in (no auth_time); a signature needs a fresh sign-in it dates"));
        Duration maxAge = oidc.signatureMaxAge();
        if (at.isBefore(Instant.now().minus(maxAge))) {
            throw new SignatureRefusedException("to sign, sign in again (GET /oauth2/authorization/<provider>?reauthenticate=true): your sign-in at "
                    + at + " is older than " + maxAge.toSeconds() + " s; nothing was signed");
        }
    }
}
