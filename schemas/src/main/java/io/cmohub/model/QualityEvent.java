package io.cmohub.model;

import static io.cmohub.model.RecordRules.list;
import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;
import static io.cmohub.model.RecordRules.requiredText;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.SiteId;
import io.cmohub.model.value.ProductCode;
import java.util.Set;
import java.time.LocalDate;
import java.util.List;

/** A deviation, OOS investigation, CAPA, supplier corrective action request or change notification, with the batches it touches. */
public record QualityEvent(
        String reference,
        QualityEventKind kind,
        Severity severity,
        QualityEventStatus status,
        PartnerId partner,
        SiteId site,
        String title,
        String description,
        LocalDate openedOn,
        LocalDate dueOn,
        LocalDate closedOn,
        @JacksonXmlProperty(localName = "batch") List<BatchRef> batches) implements CanonicalRecord, PartnerScoped {

    public QualityEvent {
        requiredText(reference, "reference", 64);
        required(kind, "kind");
        required(severity, "severity");
        required(status, "status");
        required(partner, "partner");
        requiredText(title, "title", 200);
        optionalText(description, "description", 4000);
        required(openedOn, "openedOn");
        batches = list(batches, "batches");
    }

    @Override
    public Set<ProductCode> mentionedProducts() {
        return batches.stream().map(BatchRef::product).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<SiteId> mentionedSites() {
        return site == null ? Set.of() : Set.of(site);
    }

    @Override
    public EntityType entityType() {
        return EntityType.QUALITY_EVENT;
    }

    @Override
    public String businessKey() {
        return partner + "/" + kind + "/" + reference;
    }
}
