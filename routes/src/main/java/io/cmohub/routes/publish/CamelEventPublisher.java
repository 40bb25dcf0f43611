package io.cmohub.routes.publish;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;

/**
 * Publishes events to any Camel endpoint (one exchange per event, CloudEvents JSON body, the
 * {@link EventHeaders} as headers). For hosts that route to Kafka, SEDA or their own JMS setup;
 * delivery guarantees are those of the endpoint. {@code ${entity}} in the URI is replaced by the
 * entity's wire name.
 */
public final class CamelEventPublisher implements EventPublisher {
    private final ProducerTemplate producer;
    private final String uriTemplate;
    private final ObjectWriter json = CanonicalJson.mapper().writer();

    public CamelEventPublisher(ProducerTemplate producer, String uriTemplate) {
        this.producer = producer;
        this.uriTemplate = uriTemplate;
    }

    @Override
    public void publish(List<CanonicalEvent> batch, String documentId) throws Exception {
        for (CanonicalEvent event : batch) {
            Map<String, Object> headers = new HashMap<>(EventHeaders.of(event, documentId));
            producer.sendBodyAndHeaders(uriTemplate.replace("${entity}", event.entityType().wireName()), json.writeValueAsString(event), headers);
        }
    }
}
