package io.cmohub.euhub.soap;

import io.cmohub.euhub.EuHubException;
import io.cmohub.euhub.EuHubFaultException;
import io.cmohub.euhub.EuHubOperation;
import io.cmohub.euhub.EuHubProtocolException;
import io.cmohub.euhub.EuHubTransientException;
import io.cmohub.euhub.soap.contract.HubFault;
import io.cmohub.euhub.soap.contract.HubFaultDetail;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
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
 * or dropped connections, HTTP 429/502/503/504) or a fault the contract marks TRANSIENT. Everything else is
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
        // precedence matters: an SSL failure or an HTTP status is often wrapped in a plain IOException
        HTTPException http = find(thrown, HTTPException.class);
        if (http != null) {
            String status = ("HTTP " + http.getResponseCode() + " " + nullToEmpty(http.getResponseMessage())).trim();
            return TRANSIENT_HTTP.contains(http.getResponseCode())
                    ? new EuHubTransientException(operation, prefix(operation) + "answered " + status, thrown)
                    : new EuHubProtocolException(operation, prefix(operation) + "answered an unexpected " + status
                            + " (check the address and the client certificate's authorisation)", thrown);
        }
        SSLException ssl = find(thrown, SSLException.class);
        if (ssl != null) {
            return new EuHubProtocolException(operation, prefix(operation) + "refused the TLS connection: " + ssl.getMessage()
                    + " (check the client certificate, its key password and the trust store)", thrown);
        }
        Throwable unreachable = firstOf(thrown, HttpConnectTimeoutException.class, ConnectException.class, NoRouteToHostException.class,
                UnknownHostException.class);
        if (unreachable != null) {
            return new EuHubTransientException(operation, prefix(operation) + "could not be reached within the connect timeout of "
                    + connectTimeout + ": " + nullToEmpty(unreachable.getMessage()), thrown);
        }
        if (firstOf(thrown, SocketTimeoutException.class, HttpTimeoutException.class) != null) {
            return new EuHubTransientException(operation, prefix(operation) + "gave no answer within the read timeout of "
                    + readTimeout, thrown);
        }
        IOException io = find(thrown, IOException.class);
        if (io != null) {
            // a reset or closed connection (e.g. a load balancer dropping a kept-alive connection): the request may be re-sent
            return new EuHubTransientException(operation, prefix(operation) + "dropped the connection: "
                    + io.getClass().getSimpleName() + " " + nullToEmpty(io.getMessage()), thrown);
        }
        if (thrown instanceof SOAPFaultException soapFault) {
            return new EuHubProtocolException(operation, prefix(operation) + "answered a SOAP fault outside the contract: "
                    + soapFault.getFault().getFaultCode() + " " + soapFault.getFault().getFaultString(), thrown);
        }
        return new EuHubProtocolException(operation, prefix(operation) + "gave an answer that is not the contract's: "
                + rootMessage(thrown), thrown);
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @SafeVarargs
    private static Throwable firstOf(Throwable thrown, Class<? extends Throwable>... types) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return t;
                }
            }
        }
        return null;
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
