package io.cmohub.emvs.hub.soap;

import io.cmohub.emvs.hub.EuHubException;
import io.cmohub.emvs.hub.EuHubFaultException;
import io.cmohub.emvs.hub.EuHubOperation;
import io.cmohub.emvs.hub.EuHubProtocolException;
import io.cmohub.emvs.hub.EuHubTransientException;
import io.cmohub.emvs.hub.soap.contract.HubFault;
import io.cmohub.emvs.hub.soap.contract.HubFaultDetail;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.apache.cxf.transport.http.HTTPException;

/**
 * Sorts what a CXF call threw into the gateway's failure kinds. This decides what gets retried, so
 * the rule is narrow on purpose: transient means "the Hub did not answer now" (timeouts, refused
 * connections, HTTP 429/502/503/504) or a fault the contract marks TRANSIENT. Everything else is
 * permanent, and the message says which case it was, so an operator can act without a debugger.
 */
final class SoapFailures {
    private static final Set<Integer> TRANSIENT_HTTP = Set.of(429, 502, 503, 504);

    private final URI address;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    SoapFailures(SoapEndpointSettings settings) {
        this.address = settings.address();
        this.connectTimeout = settings.connectTimeout();
        this.readTimeout = settings.readTimeout();
    }

    EuHubException fault(EuHubOperation operation, HubFault fault) {
        HubFaultDetail detail = fault.getFaultInfo();
        if (detail == null || detail.getCategory() == null) {
            return new EuHubProtocolException(operation, prefix(operation) + "answered a HubFault without the contract's detail: "
                    + fault.getMessage(), fault);
        }
        String text = detail.getCode() + " (" + detail.getCategory() + "): " + detail.getMessage();
        return switch (detail.getCategory()) {
            case TRANSIENT -> new EuHubTransientException(operation, prefix(operation) + "answered a transient fault " + text, fault);
            case BUSINESS, REQUEST -> new EuHubFaultException(operation, detail.getCode(), prefix(operation) + "refused the request: " + text);
        };
    }

    EuHubException failure(EuHubOperation operation, RuntimeException thrown) {
        if (thrown instanceof EuHubException alreadySorted) {
            return alreadySorted;
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof HTTPException http) {
                String status = "HTTP " + http.getResponseCode() + " " + nullToEmpty(http.getResponseMessage());
                return TRANSIENT_HTTP.contains(http.getResponseCode())
                        ? new EuHubTransientException(operation, prefix(operation) + "answered " + status.trim(), thrown)
                        : new EuHubProtocolException(operation, prefix(operation) + "answered an unexpected " + status.trim()
                                + " (check the address and the client certificate's authorisation)", thrown);
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException) {
                return new EuHubTransientException(operation, prefix(operation) + "could not be reached within the connect timeout of "
                        + connectTimeout + ": " + t.getClass().getSimpleName() + " " + nullToEmpty(t.getMessage()), thrown);
            }
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return new EuHubTransientException(operation, prefix(operation) + "gave no answer within the read timeout of "
                        + readTimeout, thrown);
            }
            if (t instanceof SSLException) {
                return new EuHubProtocolException(operation, prefix(operation) + "refused the TLS connection: " + t.getMessage()
                        + " (check the client certificate, its key password and the trust store)", thrown);
            }
        }
        if (thrown instanceof SOAPFaultException soapFault) {
            return new EuHubProtocolException(operation, prefix(operation) + "answered a SOAP fault outside the contract: "
                    + soapFault.getFault().getFaultCode() + " " + soapFault.getFault().getFaultString(), thrown);
        }
        return new EuHubProtocolException(operation, prefix(operation) + "gave an answer that is not the contract's: "
                + rootMessage(thrown), thrown);
    }

    private String prefix(EuHubOperation operation) {
        return "EU Hub " + operation + " at " + address.getScheme() + "://" + address.getAuthority() + address.getPath() + " ";
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = thrown.getMessage();
        String rootText = root == thrown ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        return abbreviate(nullToEmpty(message) + rootText);
    }

    private static String abbreviate(String text) {
        // CXF quotes the start of an unexpected body; keep messages log-sized
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
