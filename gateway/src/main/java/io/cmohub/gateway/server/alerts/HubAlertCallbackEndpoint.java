package io.cmohub.gateway.server.alerts;

import io.cmohub.coordination.alert.AlertIntake;
import io.cmohub.coordination.alert.AlertIntakeException;
import io.cmohub.coordination.alert.AlertNoticeJson;
import io.cmohub.coordination.alert.AlertQuarantine;
import io.cmohub.coordination.alert.IntakeResult;
import io.cmohub.coordination.alert.MalformedAlertException;
import io.cmohub.coordination.alert.hub.HubAlertCallback;
import io.cmohub.routes.store.JdbcTime;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import java.time.Instant;
import javax.xml.namespace.QName;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.Message;
import org.w3c.dom.Element;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EU Hub Level-5 alert call-back ({@code schemas/emvs/v1/hub-alert-callback.wsdl}), published
 * by CXF at {@code /services/hub-alerts/v1}. A payload provider rather than generated JAXB types:
 * the notification is validated against the XSD by {@link HubAlertCallback}, and a refusal must
 * still reach this class so it can be quarantined with a reason and answered with a Client fault.
 * A failure of the hub itself is a Server fault: the Hub is to send the alert again.
 */
@WebServiceProvider(serviceName = "HubAlertCallbackService", portName = "HubAlertCallbackPort", targetNamespace = HubAlertCallback.NAMESPACE,
        wsdlLocation = "classpath:" + HubAlertCallback.WSDL)
@ServiceMode(Service.Mode.PAYLOAD)
public class HubAlertCallbackEndpoint implements Provider<DOMSource> {
    private static final Logger LOG = LoggerFactory.getLogger(HubAlertCallbackEndpoint.class);
    private final AlertIntake intake;
    private final AlertQuarantine quarantine;

    public HubAlertCallbackEndpoint(AlertIntake intake, AlertQuarantine quarantine) {
        this.intake = intake;
        this.quarantine = quarantine;
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        byte[] raw = message == null ? new byte[0] : RawRequestCapture.raw(message);
        if (message != null) {
            message.getExchange().getInMessage().put(QuarantineRefusedCallbacks.HANDLED, Boolean.TRUE);
        }
        Instant receivedAt = JdbcTime.now();
        try {
            IntakeResult result = intake.receive(HubAlertCallback.read(request == null ? null : request.getNode(), AlertNoticeJson.sha256(raw)));
            return new DOMSource(HubAlertCallback.acknowledgement(result, receivedAt));
        } catch (MalformedAlertException e) {
            String id = quarantine.quarantine(raw, HubAlertCallback.FORMAT, "hub-callback", "hub-callback.xml", e.getMessage());
            LOG.warn("EU Hub call-back refused and quarantined as {}: {}", id, e.getMessage());
            throw fault("Client", "INVALID_NOTIFICATION", e.getMessage(), id);
        } catch (AlertIntakeException e) {
            LOG.error("EU Hub call-back could not be filed; the Hub must send it again", e);
            throw fault("Server", "UNAVAILABLE", "the hub could not store the alert now; send it again later", null);
        } catch (ClassCastException e) {
            String id = quarantine.quarantine(raw, HubAlertCallback.FORMAT, "hub-callback", "hub-callback.xml", "the SOAP body holds no element");
            throw fault("Client", "INVALID_NOTIFICATION", "the SOAP body holds no element", id);
        }
    }

    /**
     * A SOAP 1.1 fault with the contract's {@code CallbackFaultDetail}. CXF's own fault type, not
     * SAAJ's: the gateway carries no SAAJ implementation, and CXF writes this one natively.
     */
    private static SoapFault fault(String code, String detailCode, String reason, String quarantineId) {
        QName faultCode = "Client".equals(code) ? Soap11.getInstance().getSender() : Soap11.getInstance().getReceiver();
        SoapFault fault = new SoapFault(reason, faultCode);
        Element detail = fault.getOrCreateDetail();
        detail.appendChild(detail.getOwnerDocument().importNode(HubAlertCallback.faultDetail(detailCode, reason, quarantineId), true));
        return fault;
    }
}
