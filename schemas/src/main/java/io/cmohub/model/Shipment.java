package io.cmohub.model;

import static io.cmohub.model.RecordRules.list;
import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;
import static io.cmohub.model.RecordRules.requiredText;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.cmohub.model.value.Gln;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.SiteId;
import io.cmohub.model.value.Sscc;
import io.cmohub.model.value.ProductCode;
import java.util.Set;
import java.time.Instant;
import java.util.List;

/** Goods shipped by a CMO (to the sponsor's warehouse or a distributor), by batch, with the logistic units used. */
public record Shipment(
        String shipmentId,
        PartnerId partner,
        SiteId fromSite,
        Gln shipFrom,
        Gln shipTo,
        Instant shippedAt,
        String carrier,
        @JacksonXmlProperty(localName = "line") List<ShipmentLine> lines,
        @JacksonXmlProperty(localName = "sscc") List<Sscc> ssccs) implements CanonicalRecord, PartnerScoped {

    public Shipment {
        requiredText(shipmentId, "shipmentId", 64);
        required(partner, "partner");
        required(shippedAt, "shippedAt");
        optionalText(carrier, "carrier", 100);
        lines = list(lines, "lines");
        if (lines.isEmpty()) {
            throw new InvalidValueException("lines must contain at least one shipment line");
        }
        ssccs = list(ssccs, "ssccs");
    }

    @Override
    public Set<ProductCode> mentionedProducts() {
        return lines.stream().map(ShipmentLine::product).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<SiteId> mentionedSites() {
        return fromSite == null ? Set.of() : Set.of(fromSite);
    }

    @Override
    public EntityType entityType() {
        return EntityType.SHIPMENT;
    }

    @Override
    public Instant occurredAt() {
        return shippedAt;
    }

    @Override
    public String businessKey() {
        return partner + "/" + shipmentId;
    }
}
