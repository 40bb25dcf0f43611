package io.cmohub.gateway.server.alerts;

import io.cmohub.gateway.server.security.DenialLog;
import io.cmohub.gateway.server.security.RequestThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the EU Hub call-back and everything else CXF serves under {@code cxf.path} (default {@code /services/*}), WSDL requests included: the
 * Hub's TLS client certificate (subject {@code cmohub.eu-hub.callback.certificate-subject}) under
 * mutual TLS, or an API key in {@code X-Api-Key} (the call-back key or the admin key) for relays
 * and tests. Anything else gets 401 and an audit row, before a byte reaches the SOAP stack.
 */
public class CallbackAuthenticationFilter extends OncePerRequestFilter {
    private final RequestThrottle throttle;
    private final DenialLog denials;
    private final byte[][] keys;
    private final String certificateSubject;

    public CallbackAuthenticationFilter(RequestThrottle throttle, DenialLog denials, String callbackKey, String adminKey, String certificateSubject) {
        io.cmohub.routes.partner.ApiKeyRule.require("cmohub.eu-hub.callback.api-key", callbackKey);
        this.throttle = throttle;
        this.denials = denials;
        this.keys = java.util.stream.Stream.of(callbackKey, adminKey).filter(k -> k != null && !k.isBlank())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.certificateSubject = certificateSubject == null || certificateSubject.isBlank() ? null : certificateSubject;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        String source = request.getRemoteAddr();
        long wait = throttle.failuresExhausted(source);
        if (wait > 0) {
            denials.denied(source, request.getMethod() + " " + request.getRequestURI(), "too many failed authentications from this address");
            response.setHeader("Retry-After", Long.toString(wait));
            response.sendError(429, "too many failed authentications from this address");
            return;
        }
        if (authenticated(request)) {
            chain.doFilter(request, response);
            return;
        }
        throttle.failed(source);
        denials.denied(source, request.getMethod() + " " + request.getRequestURI(), "no valid call-back key or Hub client certificate");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "send the call-back API key in X-Api-Key, or the Hub's client certificate");
    }

    private boolean authenticated(HttpServletRequest request) {
        String key = request.getHeader("X-Api-Key");
        if (key != null && !key.isEmpty()) {
            byte[] presented = key.getBytes(StandardCharsets.UTF_8);
            boolean match = false;
            for (byte[] k : keys) {
                match |= MessageDigest.isEqual(k, presented); // no early exit: timing must not tell which key nearly matched
            }
            return match;
        }
        X509Certificate[] certificates = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        return certificateSubject != null && certificates != null && certificates.length > 0
                && new javax.security.auth.x500.X500Principal(certificateSubject).equals(certificates[0].getSubjectX500Principal());
    }
}
