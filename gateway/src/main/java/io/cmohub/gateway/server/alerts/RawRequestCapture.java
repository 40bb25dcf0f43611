package io.cmohub.gateway.server.alerts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Keeps the call-back's bytes exactly as received, before the SOAP stack parses them, so that a
 * refused call-back (even one that is not XML at all) can be quarantined as it came. Bounded: a
 * request larger than the limit is refused here, and only its first {@code maxBytes} are kept.
 */
final class RawRequestCapture extends AbstractPhaseInterceptor<Message> {
    static final String RAW = "cmohub.raw-request";
    private final int maxBytes;

    RawRequestCapture(int maxBytes) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        if (in == null) {
            return;
        }
        try {
            byte[] raw = in.readNBytes(maxBytes + 1);
            if (raw.length > maxBytes) {
                message.put(RAW, java.util.Arrays.copyOf(raw, maxBytes));
                Fault fault = new Fault(new IllegalArgumentException("the call-back is larger than " + maxBytes + " bytes"));
                fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
                throw fault;
            }
            message.put(RAW, raw);
            message.setContent(InputStream.class, new ByteArrayInputStream(raw));
        } catch (IOException e) {
            throw new Fault(e);
        }
    }

    static byte[] raw(Message message) {
        Message in = message.getExchange() == null ? message : message.getExchange().getInMessage();
        Object raw = in == null ? null : in.get(RAW);
        return raw instanceof byte[] bytes ? bytes : new byte[0];
    }
}
