package io.cmohub.model;

import static io.cmohub.model.RecordRules.list;
import static io.cmohub.model.RecordRules.optionalText;
import static io.cmohub.model.RecordRules.required;
import static io.cmohub.model.RecordRules.requiredText;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.cmohub.model.value.Market;
import java.util.Set;
import java.time.Instant;
import java.util.List;

/**
 * A Level-5 EMVS alert raised when a pack was verified or decommissioned in a market, as received
 * by the sponsor through the EU Hub call-back, the EAMS, a national tool or e-mail.
 */
public record Alert(
        String alertId,
        AlertCode code,
        String nmvsReturnCode,
        Market market,
        ScannedIdentifiers scanned,
        Instant raisedAt,
        AlertSource source,
        EamsStatus eamsStatus,
        @JacksonXmlProperty(localName = "investigation") List<OrganisationInvestigation> investigations,
        String message,
        String endUserLocation) implements CanonicalRecord {

    public Alert {
        requiredText(alertId, "alertId", 128);
        required(code, "code");
        optionalText(nmvsReturnCode, "nmvsReturnCode", 64);
        required(raisedAt, "raisedAt");
        required(source, "source");
        investigations = list(investigations, "investigations");
        optionalText(message, "message", 2000);
        optionalText(endUserLocation, "endUserLocation", 200);
    }

    @Override
    public Set<Market> mentionedMarkets() {
        return market == null ? Set.of() : Set.of(market);
    }

    @Override
    public EntityType entityType() {
        return EntityType.ALERT;
    }

    @Override
    public Instant occurredAt() {
        return raisedAt;
    }

    @Override
    public String businessKey() {
        return alertId;
    }
}
