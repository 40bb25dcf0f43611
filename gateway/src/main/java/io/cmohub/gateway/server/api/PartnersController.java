package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.gateway.server.signatures.ElectronicSignature;
import io.cmohub.gateway.server.signatures.JdbcSignatures;
import io.cmohub.gateway.server.signatures.SignatureMeaning;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import io.cmohub.routes.partner.PartnerProfile;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final JdbcPartnerDirectory partners;
    private final ConnectorCatalog connectors;
    private final JdbcSignatures signatures;
    private final AuditTrail audit;

    public PartnersController(Access access, JdbcPartnerDirectory partners, ConnectorCatalog connectors, JdbcSignatures signatures, AuditTrail audit) {
        this.access = access;
        this.partners = partners;
        this.connectors = connectors;
        this.signatures = signatures;
        this.audit = audit;
    }

    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping
    public List<PartnerProfile> list(HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        return partners.all().stream().map(id -> partners.find(id).orElseThrow()).toList();
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
            PartnerId id = PartnerId.of(JsonBody.text(body, "id"));
            String name = JsonBody.text(body, "name");
            profile = new PartnerProfile(id, name == null || name.isBlank() ? id.value() : name(name), true, products(body.get("products")),
                    sites(body.get("sites")), formats(body.get("formats")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "a partner needs an id, products, sites and formats: " + e.getMessage());
        }
        if (partners.find(profile.id()).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "partner '" + profile.id() + "' exists; change it with PATCH");
        }
        String key = io.cmohub.routes.partner.ApiKeyRule.generate();
        sign(body, admin, profile.id().value(), signature -> {
            partners.save(profile, key, null);
            audit.record(AuditEvent.success(admin.actor(), "PARTNER_CREATE").on("partner", profile.id().value()).because("created through the admin API")
                    .details("after=" + describe(profile) + " signed: " + signature.manifestation()));
            return profile;
        });
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
            after = new PartnerProfile(before.id(), body.has("name") ? name(JsonBody.text(body, "name")) : before.name(),
                    JsonBody.flag(body, "enabled", before.enabled()),
                    body.has("products") ? products(body.get("products")) : before.products(),
                    body.has("sites") ? sites(body.get("sites")) : before.sites(),
                    body.has("formats") ? formats(body.get("formats")) : before.formats());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        boolean scope = !after.products().equals(before.products()) || !after.sites().equals(before.sites()) || !after.formats().equals(before.formats());
        if (after.equals(before)) {
            return before;
        }
        String reason = JsonBody.text(body, "reason");
        java.util.function.Function<String, PartnerProfile> change = signed -> {
            partners.save(after, null, null);
            audit.record(AuditEvent.success(admin.actor(), "PARTNER_CHANGE").on("partner", partner)
                    .because(reason == null || reason.isBlank() ? "changed through the admin API" : reason)
                    .details("before=" + describe(before) + " after=" + describe(after) + signed));
            return find(partner);
        };
        if (!scope) {
            return change.apply("");
        }
        access.requirePerson(request, Role.ADMINISTRATION);
        return sign(body, admin, partner, signature -> change.apply(" signed: " + signature.manifestation()));
    }

    /** Issues a new API key; the old one stops working with this answer. The key is in the answer only. */
    @Authorised(AccessRule.ADMINISTRATION)
    @PostMapping("/{partner}/api-key")
    public Map<String, String> rotateKey(@PathVariable String partner, HttpServletRequest request) {
        Principal admin = access.requireAdmin(request);
        PartnerProfile profile = find(partner);
        String key = io.cmohub.routes.partner.ApiKeyRule.generate();
        partners.save(profile, key, null);
        audit.record(AuditEvent.success(admin.actor(), "PARTNER_KEY_ROTATE").on("partner", partner)
                .because("API key issued; the previous key no longer authenticates").details("keyDigestPrefix=" + JdbcPartnerDirectory.digest(key).substring(0, 8)));
        return Map.of("partner", partner, "apiKey", key);
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
        try {
            return partners.find(PartnerId.of(partner)).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no partner " + partner));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no partner " + partner);
        }
    }

    private static Set<ProductCode> products(JsonNode values) {
        Set<ProductCode> products = new LinkedHashSet<>();
        list(values, "products").forEach(value -> products.add(ProductCode.of(value)));
        return products;
    }

    private static Set<SiteId> sites(JsonNode values) {
        Set<SiteId> sites = new LinkedHashSet<>();
        list(values, "sites").forEach(value -> sites.add(SiteId.of(value)));
        return sites;
    }

    private List<PartnerProfile.PartnerFormat> formats(JsonNode formats) {
        if (formats == null || !formats.isObject() || formats.isEmpty()) {
            throw new IllegalArgumentException("formats must be an object of format id → {filePattern, config}, with at least one format");
        }
        List<PartnerProfile.PartnerFormat> result = new ArrayList<>();
        formats.fields().forEachRemaining(entry -> {
            if (connectors.find(entry.getKey()).isEmpty()) {
                throw new IllegalArgumentException("unknown format '" + entry.getKey() + "'; known: " + connectors.formatIds());
            }
            Map<String, String> config = new LinkedHashMap<>();
            entry.getValue().path("config").fields().forEachRemaining(c -> config.put(c.getKey(), c.getValue().asText()));
            if (config.toString().length() + entry.getValue().path("filePattern").asText("*").length() > 3000) {
                throw new IllegalArgumentException("the configuration of format '" + entry.getKey() + "' is longer than 3000 characters");
            }
            result.add(new PartnerProfile.PartnerFormat(entry.getKey(), entry.getValue().path("filePattern").asText("*"), config));
        });
        return result;
    }

    private static List<String> list(JsonNode values, String field) {
        if (values == null || !values.isArray() || values.isEmpty()) {
            throw new IllegalArgumentException(field + " must be a non-empty list");
        }
        List<String> list = new ArrayList<>();
        values.forEach(value -> list.add(value.asText()));
        return list;
    }

    private static String describe(PartnerProfile profile) {
        return "{name=" + profile.name() + ", enabled=" + profile.enabled() + ", products=" + profile.products().stream().map(ProductCode::value).sorted().toList()
                + ", sites=" + profile.sites().stream().map(SiteId::value).sorted().toList() + ", formats="
                + profile.formats().stream().map(PartnerProfile.PartnerFormat::formatId).sorted().toList() + "}";
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a partner name must be 1-200 printable characters");
        }
        return name.strip();
    }
}
