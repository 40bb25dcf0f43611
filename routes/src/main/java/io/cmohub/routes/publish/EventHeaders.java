package io.cmohub.routes.publish;

import io.cmohub.model.SerialisationEvent;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The message properties every published event carries besides its CloudEvent JSON body, so that
 * subscribers can filter with JMS selectors without parsing bodies. Names are valid JMS identifiers.
 * Multi-valued facets are written as {@code |A|B|}, so a selector {@code cmohubMarkets LIKE '%|DE|%'}
 * matches exactly one market.
 */
public final class EventHeaders {
    public static final String EVENT_ID = "cmohubEventId";
    public static final String EVENT_TYPE = "cmohubEventType";
    public static final String ENTITY = "cmohubEntity";
    public static final String PARTNER = "cmohubPartner";
    public static final String PRODUCTS = "cmohubProducts";
    public static final String MARKETS = "cmohubMarkets";
    public static final String DOCUMENT_ID = "cmohubDocumentId";
    /** A serialisation event's action (COMMISSION, AGGREGATE, SHIP, RETRACT, ...): lets the batch registry's queue skip what it does not register. */
    public static final String ACTION = "cmohubAction";
    /** Artemis duplicate detection: a re-sent message with the same value is dropped by the broker. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private EventHeaders() {
    }

    public static Map<String, String> of(CanonicalEvent event, String documentId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EVENT_ID, event.id());
        headers.put(EVENT_TYPE, event.type());
        headers.put(ENTITY, event.entityType().wireName());
        if (event.partner() != null) {
            headers.put(PARTNER, event.partner());
        }
        headers.put(PRODUCTS, "|" + event.data().mentionedProducts().stream().map(ProductCode::value).sorted().collect(Collectors.joining("|")) + "|");
        headers.put(MARKETS, "|" + event.data().mentionedMarkets().stream().map(Market::code).sorted().collect(Collectors.joining("|")) + "|");
        if (event.data() instanceof SerialisationEvent serialisation && serialisation.action() != null) {
            headers.put(ACTION, serialisation.action().name());
        }
        if (documentId != null) {
            headers.put(DOCUMENT_ID, documentId);
        }
        headers.put(DUPLICATE_ID, event.id());
        return headers;
    }
}
