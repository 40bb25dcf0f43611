package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.gateway.server.signatures.ElectronicSignature;
import io.cmohub.gateway.server.signatures.SignatureCeremony;
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
    private final SignatureCeremony ceremony;

    public SignaturesController(Access access, SignatureCeremony ceremony) {
        this.access = access;
        this.ceremony = ceremony;
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
        return ResponseEntity.status(HttpStatus.CREATED).body(ceremony.sign(principal, body.get("password"), meaning, recordType, recordId,
                request.getRemoteAddr()));
    }
}
