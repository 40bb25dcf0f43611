package io.cmohub.routes.pipeline;

import io.cmohub.routes.store.StoreException;

/**
 * Tells a failure of the hub's own infrastructure (its database, its broker, the network to them)
 * from a failure caused by the document. The first is not the document's fault: its processing is
 * retried until the infrastructure is back and never counted against the document's attempts; the
 * second counts, and a document that keeps failing is given up with the reason.
 */
public final class InfrastructureFailure {
    private InfrastructureFailure() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreException || t instanceof PublishFailedException || t instanceof java.sql.SQLException
                    || t instanceof jakarta.jms.JMSException || t instanceof jakarta.jms.JMSRuntimeException || t instanceof java.net.ConnectException
                    || t.getClass().getName().startsWith("org.springframework.jms.") || t.getClass().getName().startsWith("org.springframework.dao.")) {
                return true;
            }
        }
        return false;
    }
}
