package io.cmohub.routes.publish;

import io.cmohub.model.event.CanonicalEvent;
import java.util.List;

/**
 * Publishes canonical events. One call is one unit of work: all of the batch is published, or the
 * call throws and none of it counts as published (the caller retries the batch).
 */
public interface EventPublisher {

    /** @param documentId the document the events come from, carried as a message property for tracing */
    void publish(List<CanonicalEvent> batch, String documentId) throws Exception;
}
