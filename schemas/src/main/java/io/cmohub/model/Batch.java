package io.cmohub.model;

import static io.cmohub.model.RecordRules.list;
import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.LineId;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.Quantity;
import io.cmohub.model.value.SiteId;
import java.util.Set;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A batch of a product made or packed by a CMO, with its status as the CMO or sponsor last reported it.
 *
 * @param sourceStatus the status as the CMO's system wrote it (e.g. {@code freigegeben}, SAP's {@code UR}), kept when a
 *                     code list translated it into {@code status}, so that what the CMO said is never lost
 * @param line         the packaging line, when the batch record names one
 */
public record Batch(
        ProductCode product,
        BatchId batchId,
        BatchStatus status,
        PartnerId partner,
        SiteId site,
        Expiry expiry,
        LocalDate manufacturedOn,
        LocalDate releasedOn,
        Quantity plannedQuantity,
        Quantity actualQuantity,
        @JacksonXmlProperty(localName = "market") List<Market> markets,
        Instant updatedAt,
        String sourceStatus,
        LineId line) implements CanonicalRecord, PartnerScoped {

    public Batch {
        required(product, "product");
        required(batchId, "batchId");
        required(status, "status");
        required(partner, "partner");
        markets = list(markets, "markets");
        optionalText(sourceStatus, "sourceStatus", 64);
    }

    /** A batch record without the CMO's own status code and packaging line (model v1 before they were added). */
    public Batch(ProductCode product, BatchId batchId, BatchStatus status, PartnerId partner, SiteId site, Expiry expiry, LocalDate manufacturedOn,
                 LocalDate releasedOn, Quantity plannedQuantity, Quantity actualQuantity, List<Market> markets, Instant updatedAt) {
        this(product, batchId, status, partner, site, expiry, manufacturedOn, releasedOn, plannedQuantity, actualQuantity, markets, updatedAt, null, null);
    }

    @Override
    public Set<ProductCode> mentionedProducts() {
        return Set.of(product);
    }

    @Override
    public Set<SiteId> mentionedSites() {
        return site == null ? Set.of() : Set.of(site);
    }

    @Override
    public Set<Market> mentionedMarkets() {
        return Set.copyOf(markets);
    }

    @Override
    public EntityType entityType() {
        return EntityType.BATCH;
    }

    @Override
    public Instant occurredAt() {
        return updatedAt;
    }

    @Override
    public String businessKey() {
        return product + "/" + batchId;
    }
}
