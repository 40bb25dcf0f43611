package io.cmohub.model;

import static io.cmohub.model.RecordRules.list;
import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;
import static io.cmohub.model.RecordRules.requiredText;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Gln;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import java.util.Set;
import java.time.Instant;
import java.util.List;

/**
 * A serialisation event (commissioning, packing, shipping, decommissioning) with its EPCs. EPCs are
 * kept as the source wrote them (EPC URN or GS1 Digital Link URI; non-GS1 identifiers too). A large
 * source event is split into chunks so that no broker message holds millions of serials, and no
 * broker message holds just one.
 */
public record SerialisationEvent(
        String sourceEventId,
        SerialisationAction action,
        Instant eventTime,
        PartnerId partner,
        Gln location,
        ProductCode product,
        BatchId batchId,
        Expiry expiry,
        String parent,
        @JacksonXmlProperty(localName = "epc") List<String> epcs,
        Chunk chunk) implements CanonicalRecord, PartnerScoped {

    public SerialisationEvent {
        requiredText(sourceEventId, "sourceEventId", 128);
        required(action, "action");
        required(eventTime, "eventTime");
        required(partner, "partner");
        optionalText(parent, "parent", 512);
        epcs = list(epcs, "epcs");
        for (String epc : epcs) {
            requiredText(epc, "epcs", 512);
        }
    }

    @Override
    public Set<ProductCode> mentionedProducts() {
        return product == null ? Set.of() : Set.of(product);
    }

    @Override
    public EntityType entityType() {
        return EntityType.SERIALISATION_EVENT;
    }

    @Override
    public Instant occurredAt() {
        return eventTime;
    }

    @Override
    public String businessKey() {
        return partner + "/" + sourceEventId + (chunk == null ? "" : "/" + chunk.index());
    }
}
