package io.cmohub.gateway.server.security;

import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.partner.PartnerDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every {@code /api/} call: a partner by its API key ({@code X-Api-Key} or
 * {@code Authorization: Bearer}) or by its TLS client certificate when the server runs with mutual
 * TLS; the admin by the admin key. Which requests it sees is decided by the container's (decoded,
 * normalised) mapping of {@code /api/*}, never by comparing the raw URI, which {@code /%61pi/} would evade. Failures get 401 and an audit record; what an authenticated
 * caller may do is decided by the endpoints (a partner only on its own path and documents).
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {
    private final PartnerDirectory partners;
    private final AuditTrail audit;
    private final byte[] adminKey;
    private final java.util.Map<String, byte[]> alertSourceKeys = new java.util.LinkedHashMap<>();

    public ApiAuthenticationFilter(PartnerDirectory partners, AuditTrail audit, String adminKey) {
        this(partners, audit, adminKey, java.util.Map.of());
    }

    /** @param alertSourceKeys name → API key of the systems allowed to post alerts ({@code cmohub.alerts.intake-keys}) */
    public ApiAuthenticationFilter(PartnerDirectory partners, AuditTrail audit, String adminKey, java.util.Map<String, String> alertSourceKeys) {
        this.partners = partners;
        this.audit = audit;
        this.adminKey = adminKey.getBytes(StandardCharsets.UTF_8);
        alertSourceKeys.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                this.alertSourceKeys.put(name, value.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Principal> principal = authenticate(request);
        if (principal.isEmpty()) {
            audit.record(AuditEvent.denied("anonymous", "ACCESS_DENIED").on("endpoint", request.getMethod() + " " + request.getRequestURI())
                    .because("no valid API key or client certificate").details("remote=" + request.getRemoteAddr()));
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"send a partner or admin API key in X-Api-Key (or Authorization: Bearer), or a registered client certificate\"}");
            return;
        }
        request.setAttribute(Principal.REQUEST_ATTRIBUTE, principal.get());
        chain.doFilter(request, response);
    }

    private Optional<Principal> authenticate(HttpServletRequest request) {
        String key = request.getHeader("X-Api-Key");
        String authorization = request.getHeader("Authorization");
        if (key == null && authorization != null && authorization.startsWith("Bearer ")) {
            key = authorization.substring("Bearer ".length()).trim();
        }
        if (key != null && !key.isEmpty()) {
            // constant-time comparison: the admin key must not leak through response timing
            if (MessageDigest.isEqual(adminKey, key.getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(new Principal(Principal.Kind.ADMIN, "admin"));
            }
            byte[] presented = key.getBytes(StandardCharsets.UTF_8);
            for (java.util.Map.Entry<String, byte[]> source : alertSourceKeys.entrySet()) {
                if (MessageDigest.isEqual(source.getValue(), presented)) {
                    return Optional.of(new Principal(Principal.Kind.ALERT_SOURCE, "alert-source:" + source.getKey()));
                }
            }
            return partners.authenticateApiKey(key).map(id -> new Principal(Principal.Kind.PARTNER, id.value()));
        }
        X509Certificate[] certificates = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        if (certificates != null && certificates.length > 0) {
            return partners.authenticateCertificate(certificates[0].getSubjectX500Principal().getName())
                    .map(id -> new Principal(Principal.Kind.PARTNER, id.value()));
        }
        return Optional.empty();
    }
}
