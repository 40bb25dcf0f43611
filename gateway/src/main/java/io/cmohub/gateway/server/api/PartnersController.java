package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.gateway.server.partners.PartnerAdministration;
import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.gateway.server.signatures.ElectronicSignature;
import io.cmohub.gateway.server.signatures.JdbcSignatures;
import io.cmohub.gateway.server.signatures.SignatureMeaning;
import io.cmohub.routes.partner.PartnerProfile;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partners administered while the gateway runs (role ADMIN): created, renamed, disabled, their API key
 * issued and rotated (shown once, stored as a digest; the old key stops at once). A partner's scope —
 * the products and sites it may report on, the formats it sends — decides what the hub accepts as that
 * CMO's data, so creating a partner or changing its scope is e-signed ("approved") by a named
 * administrator. Every change is audited with who and the partner before and after. Partners in the
 * configuration ({@code cmohub.partners[n]}) are seeded again at each start; administer a partner in one
 * place only.
 */
@RestController
@RequestMapping("/api/v1/admin/partners")
public class PartnersController {
    private final Access access;
    private final PartnerAdministration administration;
    private final JdbcSignatures signatures;

    public PartnersController(Access access, PartnerAdministration administration, JdbcSignatures signatures) {
        this.access = access;
        this.administration = administration;
        this.signatures = signatures;
    }

    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping
    public List<PartnerProfile> list(HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        return administration.all();
    }

    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping("/{partner}")
    public PartnerProfile get(@PathVariable String partner, HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        return find(partner);
    }

    /** Body {@code {id, name, products, sites, formats: {formatId: {filePattern, config}}, signatureId}}; answers the partner and its API key, once. */
    @Authorised(AccessRule.SIGNED_ADMINISTRATION)
    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body, HttpServletRequest request) {
        Principal admin = access.requirePerson(request, Role.ADMINISTRATION);
        PartnerProfile profile;
        try {
            profile = administration.profile(JsonBody.text(body, "id"), JsonBody.text(body, "name"), true, list(body.get("products"), "products"),
                    list(body.get("sites"), "sites"), formats(body.get("formats")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "a partner needs an id, products, sites and formats: " + e.getMessage());
        }
        if (administration.find(profile.id().value()).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "partner '" + profile.id() + "' exists; change it with PATCH");
        }
        String key = sign(body, admin, profile.id().value(),
                signature -> administration.create(profile, admin.actor(), "created through the admin API", signature.manifestation()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("partner", profile);
        response.put("apiKey", key); // shown this once: the hub keeps only its digest
        return ResponseEntity.status(HttpStatus.CREATED).body(response);
    }

    /** Any of {@code name}, {@code enabled}, {@code products}, {@code sites}, {@code formats}, and a {@code reason}; a scope change needs {@code signatureId}. */
    @Authorised(AccessRule.ADMINISTRATION)
    @PatchMapping("/{partner}")
    public PartnerProfile change(@PathVariable String partner, @RequestBody JsonNode body, HttpServletRequest request) {
        Principal admin = access.requireAdmin(request);
        PartnerProfile before = find(partner);
        PartnerProfile after;
        try {
            after = new PartnerProfile(before.id(), body.has("name") ? PartnerAdministration.name(JsonBody.text(body, "name")) : before.name(),
                    JsonBody.flag(body, "enabled", before.enabled()),
                    body.has("products") ? PartnerAdministration.products(list(body.get("products"), "products")) : before.products(),
                    body.has("sites") ? PartnerAdministration.sites(list(body.get("sites"), "sites")) : before.sites(),
                    body.has("formats") ? formats(body.get("formats")) : before.formats());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (after.equals(before)) {
            return before;
        }
        String given = JsonBody.text(body, "reason");
        String reason = given == null || given.isBlank() ? "changed through the admin API" : given;
        if (!PartnerAdministration.scopeChanged(before, after)) {
            administration.change(before, after, admin.actor(), reason, null);
            return find(partner);
        }
        access.requirePerson(request, Role.ADMINISTRATION);
        sign(body, admin, partner, signature -> {
            administration.change(before, after, admin.actor(), reason, signature.manifestation());
            return null;
        });
        return find(partner);
    }

    /** Issues a new API key; the old one stops working with this answer. The key is in the answer only. */
    @Authorised(AccessRule.ADMINISTRATION)
    @PostMapping("/{partner}/api-key")
    public Map<String, String> rotateKey(@PathVariable String partner, HttpServletRequest request) {
        Principal admin = access.requireAdmin(request);
        return Map.of("partner", partner, "apiKey", administration.rotateKey(find(partner), admin.actor()));
    }

    private <T> T sign(JsonNode body, Principal admin, String partner, java.util.function.Function<ElectronicSignature, T> change) {
        String signatureId = JsonBody.text(body, "signatureId");
        if (signatureId == null || signatureId.isBlank()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "a partner's scope (products, sites, formats) is a signed decision: sign it first"
                    + " (POST /api/v1/signatures with recordType \"partner\", recordId \"" + partner + "\", meaning APPROVED) and send the signatureId");
        }
        return signatures.spend(signatureId, admin.id(), SignatureMeaning.APPROVED, "partner", partner, change);
    }

    private PartnerProfile find(String partner) {
        return administration.find(partner).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no partner " + partner));
    }

    private List<PartnerProfile.PartnerFormat> formats(JsonNode formats) {
        if (formats == null || !formats.isObject() || formats.isEmpty()) {
            throw new IllegalArgumentException("formats must be an object of format id → {filePattern, config}, with at least one format");
        }
        List<PartnerProfile.PartnerFormat> result = new ArrayList<>();
        formats.fields().forEachRemaining(entry -> {
            Map<String, String> config = new LinkedHashMap<>();
            entry.getValue().path("config").fields().forEachRemaining(c -> config.put(c.getKey(), c.getValue().asText()));
            result.add(new PartnerProfile.PartnerFormat(entry.getKey(), entry.getValue().path("filePattern").asText("*"), config));
        });
        return administration.formats(result);
    }

    private static List<String> list(JsonNode values, String field) {
        if (values == null || !values.isArray() || values.isEmpty()) {
            throw new IllegalArgumentException(field + " must be a non-empty list");
        }
        List<String> list = new ArrayList<>();
        values.forEach(value -> list.add(value.asText()));
        return list;
    }
}
