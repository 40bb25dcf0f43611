package io.cmohub.routes.partner;

import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.FieldError;
import io.cmohub.connector.RecordCheck;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.EntityType;
import io.cmohub.model.PartnerScoped;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Per-record authorisation (OWASP API1, broken object-level authorisation): a partner may report
 * only on itself, its registered products and its registered sites. Checked for every record, so
 * one foreign product inside an otherwise valid file cannot slip through.
 */
public final class PartnerScopeCheck implements RecordCheck {
    private final PartnerProfile partner;

    public PartnerScopeCheck(PartnerProfile partner) {
        this.partner = partner;
    }

    /** What a CMO produces. Alerts, pack states, upload rejections and case records come from the EMVS or the sponsor. */
    public static final Set<EntityType> PARTNER_ENTITIES = Set.of(EntityType.BATCH, EntityType.PACKAGING_RUN, EntityType.SERIALISATION_EVENT,
            EntityType.QC_RESULT, EntityType.QUALITY_EVENT, EntityType.SHIPMENT);

    @Override
    public List<FieldError> check(CanonicalRecord record, DocumentContext context) {
        List<FieldError> errors = new ArrayList<>();
        if (!PARTNER_ENTITIES.contains(record.entityType())) {
            errors.add(new FieldError("type", "not authorised: a partner cannot submit " + record.entityType().wireName() + " records"));
            return errors;
        }
        if (record instanceof PartnerScoped scoped && !scoped.partner().equals(partner.id())) {
            errors.add(new FieldError("partner", "not authorised: record for partner '" + scoped.partner() + "' sent by '" + partner.id() + "'"));
        }
        for (ProductCode product : record.mentionedProducts()) {
            if (!partner.products().contains(product)) {
                errors.add(new FieldError("product", "not authorised: product " + product + " is not registered to partner '" + partner.id() + "'"));
            }
        }
        for (SiteId site : record.mentionedSites()) {
            if (!partner.sites().contains(site)) {
                errors.add(new FieldError("site", "not authorised: site " + site + " is not registered to partner '" + partner.id() + "'"));
            }
        }
        return errors;
    }
}
