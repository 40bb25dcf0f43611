package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.gateway.server.coordination.LiaisonJson;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.coordination.liaison.Liaison;
import io.cmohub.coordination.liaison.LiaisonRegister;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin CRUD of the liaison register. The body is one liaison-seed entry as JSON; updates are
 * optimistic ({@code If-Match: <version>} or a {@code version} field), so two admins editing one
 * liaison cannot silently overwrite each other. Every change is audited by the register.
 */
@RestController
@RequestMapping("/api/v1/admin/liaisons")
@ConditionalOnProperty(name = {"cmohub.coordination.enabled", "cmohub.eu-hub.enabled"}, havingValue = "true", matchIfMissing = true)
public class LiaisonsController {
    private final LiaisonRegister register;
    private final Access access;
    private final io.cmohub.gateway.server.signatures.JdbcSignatures signatures;

    public LiaisonsController(LiaisonRegister register, Access access, io.cmohub.gateway.server.signatures.JdbcSignatures signatures) {
        this.register = register;
        this.access = access;
        this.signatures = signatures;
    }

    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping
    public List<JsonNode> list(HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        return register.list().stream().map(l -> (JsonNode) LiaisonJson.write(l, register.findVersioned(l.partner()).map(LiaisonRegister.Versioned::version)
                .orElse(0))).toList();
    }

    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping("/{partner}")
    public JsonNode get(@PathVariable String partner, HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        LiaisonRegister.Versioned v = register.findVersioned(partnerId(partner))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no liaison for partner '" + partner + "'"));
        return LiaisonJson.write(v.liaison(), v.version());
    }

    /**
     * Creates (no version) or replaces (expected version from If-Match or the body) the liaison of a partner: a
     * signed change (the liaison is who must answer the SLA clock), so the body carries the {@code signatureId} of
     * a signature for {@code recordType} "liaison", {@code recordId} the partner, meaning APPROVED.
     */
    @Authorised(AccessRule.SIGNED_OPERATIONS)
    @PutMapping("/{partner}")
    public ResponseEntity<JsonNode> put(@PathVariable String partner, @RequestBody JsonNode body,
                                        @RequestHeader(value = "If-Match", required = false) String ifMatch, HttpServletRequest request) {
        Principal admin = access.requirePerson(request, Role.OPERATIONS);
        String signatureId = body.path("signatureId").asText(null);
        if (body instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.remove("signatureId");
        }
        Integer expected;
        try {
            expected = ifMatch != null ? Integer.valueOf(ifMatch.replace("\"", "").trim())
                    : body.hasNonNull("version") ? body.get("version").asInt() : null;
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "If-Match must be the liaison's version number");
        }
        Liaison liaison;
        try {
            liaison = LiaisonJson.read(body, partnerId(partner).value());
        } catch (IllegalArgumentException | IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        var held = register.findVersioned(liaison.partner());
        boolean existed = held.isPresent();
        if (expected != null && held.isPresent() && held.get().version() != expected) {
            throw new ApiException(HttpStatus.CONFLICT, "the liaison of " + partner + " is at version " + held.get().version() + ", not " + expected
                    + ": read it again and repeat the change");
        }
        Integer expectedVersion = expected;
        signed(signatureId, admin, partner, signature -> {
            try {
                return register.save(liaison, admin.actor(), "admin API; signed: " + signature.manifestation(), expectedVersion);
            } catch (LiaisonRegister.StaleVersionException e) {
                throw new ApiException(HttpStatus.CONFLICT, e.getMessage());
            }
        });
        LiaisonRegister.Versioned saved = register.findVersioned(liaison.partner()).orElseThrow();
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).eTag(String.valueOf(saved.version()))
                .body(LiaisonJson.write(saved.liaison(), saved.version()));
    }

    /** Removes the liaison of a partner; signed like a change ({@code ?signatureId=…}). */
    @Authorised(AccessRule.SIGNED_OPERATIONS)
    @DeleteMapping("/{partner}")
    public ResponseEntity<Void> delete(@PathVariable String partner, @org.springframework.web.bind.annotation.RequestParam(required = false) String signatureId,
                                       HttpServletRequest request) {
        Principal admin = access.requirePerson(request, Role.OPERATIONS);
        if (register.findVersioned(partnerId(partner)).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no liaison for partner '" + partner + "'");
        }
        signed(signatureId, admin, partner, signature -> {
            if (!register.remove(partnerId(partner), admin.actor(), "admin API; signed: " + signature.manifestation())) {
                throw new ApiException(HttpStatus.NOT_FOUND, "no liaison for partner '" + partner + "'");
            }
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    private <T> T signed(String signatureId, Principal person, String partner,
                         java.util.function.Function<io.cmohub.gateway.server.signatures.ElectronicSignature, T> change) {
        if (signatureId == null || signatureId.isBlank()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "changing a liaison is a signed decision: sign it first (POST /api/v1/signatures with"
                    + " recordType \"liaison\", recordId \"" + partner + "\", meaning APPROVED) and send the signatureId");
        }
        return signatures.spend(signatureId, person.id(), io.cmohub.gateway.server.signatures.SignatureMeaning.APPROVED, "liaison", partner, change);
    }

    private static PartnerId partnerId(String partner) {
        try {
            return PartnerId.of(partner);
        } catch (InvalidValueException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no partner '" + partner + "'");
        }
    }
}
