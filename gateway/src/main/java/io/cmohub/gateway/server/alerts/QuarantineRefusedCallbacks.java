package io.cmohub.gateway.server.alerts;

import io.cmohub.coordination.alert.AlertQuarantine;
import io.cmohub.coordination.alert.hub.HubAlertCallback;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the way out of every fault: quarantines the original call-back when the SOAP stack refused it
 * before the endpoint saw it (not XML, not SOAP, too large). Faults the endpoint raised itself are
 * marked: a refused notification is quarantined there (its id goes into the fault detail), and a
 * server-side failure is not bad input and is not quarantined.
 */
final class QuarantineRefusedCallbacks extends AbstractPhaseInterceptor<Message> {
    static final String HANDLED = "cmohub.fault-handled";
    private static final Logger LOG = LoggerFactory.getLogger(QuarantineRefusedCallbacks.class);
    private final AlertQuarantine quarantine;

    QuarantineRefusedCallbacks(AlertQuarantine quarantine) {
        super(Phase.SETUP);
        this.quarantine = quarantine;
    }

    @Override
    public void handleMessage(Message message) {
        Message in = message.getExchange().getInMessage();
        if (in == null || Boolean.TRUE.equals(in.get(HANDLED)) || in.get(RawRequestCapture.RAW) == null) {
            return;
        }
        in.put(HANDLED, Boolean.TRUE);
        Exception failure = message.getContent(Exception.class);
        String reason = "the SOAP stack refused the call-back: " + (failure == null ? "unknown failure" : String.valueOf(failure.getMessage()));
        try {
            String id = quarantine.quarantine(RawRequestCapture.raw(message), HubAlertCallback.FORMAT, "hub-callback", "hub-callback.xml", reason);
            LOG.warn("EU Hub call-back refused and quarantined as {}: {}", id, reason);
        } catch (RuntimeException e) {
            LOG.error("EU Hub call-back refused ({}) and could not be quarantined", reason, e);
        }
    }
}
