package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.gateway.server.people.JdbcAccounts;
import io.cmohub.gateway.server.people.PasswordPolicy;
import io.cmohub.gateway.server.people.PeopleProperties;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.gateway.server.signatures.ElectronicSignature;
import io.cmohub.gateway.server.signatures.JdbcSignatures;
import io.cmohub.gateway.server.signatures.SignatureMeaning;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Making an electronic signature: a person re-enters their password for one record and one meaning
 * ({@code {"recordType": "case", "recordId": "...", "meaning": "CLOSED_WITH_ROOT_CAUSE", "password": "..."}})
 * and gets a signature id, valid for {@code cmohub.people.signature-validity}, which the signed action
 * (e.g. closing that case) then spends. A wrong password counts towards the account's lockout. A person of
 * the identity provider sends no password: a sign-in of theirs within the last
 * {@code cmohub.people.oidc.signature-max-age} stands in for it.
 */
@RestController
@RequestMapping("/api/v1/signatures")
public class SignaturesController {
    /** What can be signed: the record types of the signed actions. */
    static final Set<String> RECORD_TYPES = Set.of("case", "partner", "liaison", "batch-release", "mapping");

    private final Access access;
    private final PasswordPolicy passwords;
    private final JdbcAccounts accounts;
    private final JdbcSignatures signatures;
    private final PeopleProperties people;
    private final io.cmohub.gateway.server.people.OidcPeople oidc;

    public SignaturesController(Access access, PasswordPolicy passwords, JdbcAccounts accounts, JdbcSignatures signatures, PeopleProperties people,
                                io.cmohub.gateway.server.people.OidcPeople oidc) {
        this.oidc = oidc;
        this.access = access;
        this.passwords = passwords;
        this.accounts = accounts;
        this.signatures = signatures;
        this.people = people;
    }

    /**
     * A person of the identity provider signs by signing in again: their provider sign-in must be at most
     * {@code cmohub.people.oidc.signature-max-age} old, as the provider's {@code auth_time} says.
     */
    private void requireFreshSignIn() {
        java.time.Instant at = oidc.authenticatedAt().orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN,
                "the identity provider did not say when you signed in (no auth_time); a signature needs a fresh sign-in it dates"));
        java.time.Duration maxAge = oidc.signatureMaxAge();
        if (at.isBefore(java.time.Instant.now().minus(maxAge))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "to sign, sign in again (GET /oauth2/authorization/<provider>?reauthenticate=true): your sign-in at "
                    + at + " is older than " + maxAge.toSeconds() + " s; nothing was signed");
        }
    }

    @Authorised(AccessRule.PERSON)
    @PostMapping
    public ResponseEntity<ElectronicSignature> sign(@RequestBody Map<String, String> body, HttpServletRequest request) {
        Principal principal = access.principal(request);
        if (!principal.isPerson()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "only a named person can sign; " + principal.actor() + " cannot");
        }
        String recordType = body.get("recordType");
        String recordId = body.get("recordId");
        if (recordType == null || !RECORD_TYPES.contains(recordType) || recordId == null || recordId.isBlank() || recordId.length() > 200) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "a signature needs a recordType of " + RECORD_TYPES + " and a recordId (at most 200 characters)");
        }
        SignatureMeaning meaning;
        try {
            meaning = SignatureMeaning.parse(body.get("meaning"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if ("password".equals(principal.how())) {
            if (!passwords.matches(principal.id(), body.get("password"))) {
                accounts.loginFailed(principal.id(), people.getLockoutFailures(), people.getLockoutDuration(), request.getRemoteAddr());
                throw new ApiException(HttpStatus.FORBIDDEN, "the password is wrong; nothing was signed");
            }
        } else {
            requireFreshSignIn();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(signatures.sign(principal.id(), principal.displayName(), meaning, recordType, recordId));
    }
}
