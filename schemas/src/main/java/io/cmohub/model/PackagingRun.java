package io.cmohub.model;

import static io.cmohub.model.RecordRules.list;
import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;
import static io.cmohub.model.RecordRules.requiredText;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.LineId;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import java.util.Set;
import java.time.Instant;
import java.util.List;

/**
 * One packaging run on a CMO line: what was printed on the packs (batch and expiry as the printer
 * got them, which may differ from the batch record), the artwork version, the line clearance and
 * the serials used. This is the record an A3/A52/A68 investigation compares with the EU Hub.
 */
public record PackagingRun(
        String runId,
        PartnerId partner,
        SiteId site,
        LineId line,
        ProductCode product,
        BatchId batchId,
        BatchId printedBatchId,
        Expiry printedExpiry,
        String artworkVersion,
        LineClearance lineClearance,
        Instant startedAt,
        Instant finishedAt,
        SerialCounts serialCounts,
        @JacksonXmlProperty(localName = "serialRange") List<SerialRange> serialRanges) implements CanonicalRecord, PartnerScoped {

    public PackagingRun {
        requiredText(runId, "runId", 64);
        required(partner, "partner");
        required(line, "line");
        required(product, "product");
        required(batchId, "batchId");
        optionalText(artworkVersion, "artworkVersion", 64);
        serialRanges = list(serialRanges, "serialRanges");
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
    public EntityType entityType() {
        return EntityType.PACKAGING_RUN;
    }

    @Override
    public Instant occurredAt() {
        return finishedAt;
    }

    @Override
    public String businessKey() {
        return partner + "/" + runId;
    }
}
