package io.cmohub.gateway.server.partners;

import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.partner.ApiKeyRule;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import io.cmohub.routes.partner.PartnerProfile;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Partners administered while the gateway runs, from the admin API and the console: a valid profile, its
 * creation with a new API key (shown once, kept as a digest), key rotation, and changes — each audited with
 * who and the partner before and after. Signing is the caller's: creation and scope changes take the
 * signature's manifestation, made and spent by the caller around the call.
 */
@Component
public class PartnerAdministration {
    private final JdbcPartnerDirectory partners;
    private final ConnectorCatalog connectors;
    private final AuditTrail audit;

    public PartnerAdministration(JdbcPartnerDirectory partners, ConnectorCatalog connectors, AuditTrail audit) {
        this.partners = partners;
        this.connectors = connectors;
        this.audit = audit;
    }

    public Optional<PartnerProfile> find(String partner) {
        try {
            return partners.find(PartnerId.of(partner));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public List<PartnerProfile> all() {
        return partners.all().stream().map(id -> partners.find(id).orElseThrow()).toList();
    }

    /** A profile from what a person typed or sent; {@link IllegalArgumentException} naming what is wrong. */
    public PartnerProfile profile(String id, String name, boolean enabled, Collection<String> products, Collection<String> sites,
                                  List<PartnerProfile.PartnerFormat> formats) {
        PartnerId partner = PartnerId.of(id);
        return new PartnerProfile(partner, name == null || name.isBlank() ? partner.value() : name(name), enabled, products(products), sites(sites),
                formats(formats));
    }

    /** Creates the partner (refused if it exists) and returns its API key, to be shown once. */
    public String create(PartnerProfile profile, String actor, String reason, String signature) {
        if (partners.find(profile.id()).isPresent()) {
            throw new IllegalStateException("partner '" + profile.id() + "' exists; change it instead");
        }
        String key = ApiKeyRule.generate();
        partners.save(profile, key, null);
        audit.record(AuditEvent.success(actor, "PARTNER_CREATE").on("partner", profile.id().value()).because(reason)
                .details("after=" + describe(profile) + " signed: " + signature));
        return key;
    }

    /** Replaces the profile; {@code signature} is blank unless the scope changed (then it must be signed). */
    public void change(PartnerProfile before, PartnerProfile after, String actor, String reason, String signature) {
        if (scopeChanged(before, after) && (signature == null || signature.isBlank())) {
            throw new IllegalStateException("a partner's scope (products, sites, formats) is a signed decision");
        }
        partners.save(after, null, null);
        audit.record(AuditEvent.success(actor, "PARTNER_CHANGE").on("partner", after.id().value()).because(reason)
                .details("before=" + describe(before) + " after=" + describe(after) + (signature == null || signature.isBlank() ? "" : " signed: " + signature)));
    }

    /** A new API key; the previous one stops authenticating at once. */
    public String rotateKey(PartnerProfile profile, String actor) {
        String key = ApiKeyRule.generate();
        partners.save(profile, key, null);
        audit.record(AuditEvent.success(actor, "PARTNER_KEY_ROTATE").on("partner", profile.id().value())
                .because("API key issued; the previous key no longer authenticates").details("keyDigestPrefix=" + JdbcPartnerDirectory.digest(key).substring(0, 8)));
        return key;
    }

    public static boolean scopeChanged(PartnerProfile before, PartnerProfile after) {
        return !after.products().equals(before.products()) || !after.sites().equals(before.sites()) || !after.formats().equals(before.formats());
    }

    public static String describe(PartnerProfile profile) {
        return "{name=" + profile.name() + ", enabled=" + profile.enabled() + ", products=" + profile.products().stream().map(ProductCode::value).sorted().toList()
                + ", sites=" + profile.sites().stream().map(SiteId::value).sorted().toList() + ", formats="
                + profile.formats().stream().map(PartnerProfile.PartnerFormat::formatId).sorted().toList() + "}";
    }

    public static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a partner name must be 1-200 printable characters");
        }
        return name.strip();
    }

    public static Set<ProductCode> products(Collection<String> values) {
        Set<ProductCode> products = new LinkedHashSet<>();
        nonEmpty(values, "products").forEach(value -> products.add(ProductCode.of(value)));
        return products;
    }

    public static Set<SiteId> sites(Collection<String> values) {
        Set<SiteId> sites = new LinkedHashSet<>();
        nonEmpty(values, "sites").forEach(value -> sites.add(SiteId.of(value)));
        return sites;
    }

    /** Each format known to this hub and its pattern and configuration at most 3,000 characters. */
    public List<PartnerProfile.PartnerFormat> formats(List<PartnerProfile.PartnerFormat> formats) {
        if (formats == null || formats.isEmpty()) {
            throw new IllegalArgumentException("a partner needs at least one format");
        }
        for (PartnerProfile.PartnerFormat format : formats) {
            if (connectors.find(format.formatId()).isEmpty()) {
                throw new IllegalArgumentException("unknown format '" + format.formatId() + "'; known: " + connectors.formatIds());
            }
            if (format.config().toString().length() + format.filePattern().length() > 3000) {
                throw new IllegalArgumentException("the configuration of format '" + format.formatId() + "' is longer than 3000 characters");
            }
        }
        return List.copyOf(formats);
    }

    private static Collection<String> nonEmpty(Collection<String> values, String field) {
        if (values == null || values.isEmpty() || values.stream().allMatch(v -> v == null || v.isBlank())) {
            throw new IllegalArgumentException(field + " must be a non-empty list");
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }
}
