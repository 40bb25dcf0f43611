package io.cmohub.gateway.server.alerts;

import io.cmohub.coordination.alert.AlertIntake;
import io.cmohub.coordination.alert.AlertQuarantine;
import io.cmohub.coordination.alert.hub.HubAlertCallback;
import jakarta.xml.ws.Endpoint;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;

/** Publishes {@link HubAlertCallbackEndpoint} on the gateway's CXF bus (CXFServlet at {@code cxf.path}, default {@code /services}). */
public final class HubAlertCallbackEndpoints {
    public static final String ADDRESS = "/hub-alerts/v1";
    /** Servlet URL pattern of the call-back (and its ?wsdl) under the default {@code cxf.path}. */
    /**
     * The servlet URL pattern covering everything CXF serves under {@code cxfPath} (the {@code cxf.path}
     * property): the call-back, its WSDL and CXF's service list, so that moving CXF never leaves them open.
     */
    public static String servletPattern(String cxfPath) {
        String path = cxfPath == null || cxfPath.isBlank() ? "/services" : cxfPath.strip();
        path = (path.startsWith("/") ? path : "/" + path).replaceAll("/+$", "");
        return path.isEmpty() ? "/*" : path + "/*";
    }

    private HubAlertCallbackEndpoints() {
    }

    public static Endpoint publish(Bus bus, AlertIntake intake, AlertQuarantine quarantine, int maxBytes) {
        EndpointImpl endpoint = new EndpointImpl(bus, new HubAlertCallbackEndpoint(intake, quarantine));
        endpoint.setWsdlLocation("classpath:" + HubAlertCallback.WSDL);
        endpoint.setServiceName(new QName(HubAlertCallback.NAMESPACE, "HubAlertCallbackService"));
        endpoint.setEndpointName(new QName(HubAlertCallback.NAMESPACE, "HubAlertCallbackPort"));
        endpoint.getInInterceptors().add(new RawRequestCapture(maxBytes));
        endpoint.getOutFaultInterceptors().add(new QuarantineRefusedCallbacks(quarantine));
        endpoint.publish(ADDRESS);
        return endpoint;
    }
}
