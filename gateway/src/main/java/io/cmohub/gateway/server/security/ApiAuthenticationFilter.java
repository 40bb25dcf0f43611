package io.cmohub.gateway.server.security;

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
 * TLS; the admin by the admin key; a person by the login session Spring Security opened at
 * {@code /login} (a person whose password an administrator set may only change it until they do). Which requests it sees is decided by the container's (decoded,
 * normalised) mapping of {@code /api/*}, never by comparing the raw URI, which {@code /%61pi/} would evade. Failures get 401 and an audit record; what an authenticated
 * caller may do is decided by the endpoints (a partner only on its own path and documents).
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {
    private final PartnerDirectory partners;
    private final byte[] adminKey;
    private final RequestThrottle throttle;
    private final DenialLog denials;
    private final java.util.Map<String, byte[]> alertSourceKeys = new java.util.LinkedHashMap<>();
    private final io.cmohub.gateway.server.people.PersonLookup people;

    /**
     * @param alertSourceKeys name → API key of the systems allowed to post alerts ({@code cmohub.alerts.intake-keys})
     * @param throttle        the rate limits (per source before authentication, per caller after)
     * @param denials         where refusals are audited, aggregated per source
     */
    public ApiAuthenticationFilter(PartnerDirectory partners, String adminKey, java.util.Map<String, String> alertSourceKeys,
                                   RequestThrottle throttle, DenialLog denials, io.cmohub.gateway.server.people.PersonLookup people) {
        io.cmohub.routes.partner.ApiKeyRule.require("cmohub.admin.api-key", adminKey);
        alertSourceKeys.forEach((name, value) -> io.cmohub.routes.partner.ApiKeyRule.require("cmohub.alerts.intake-keys." + name, value));
        this.partners = partners;
        this.throttle = throttle;
        this.denials = denials;
        this.people = people;
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
        String source = request.getRemoteAddr();
        String endpoint = request.getMethod() + " " + request.getRequestURI();
        long wait = throttle.failuresExhausted(source);
        if (wait > 0) {
            denials.denied(source, endpoint, "too many failed authentications from this address");
            problem(response, 429, "Too Many Requests", wait, "too many failed authentications from this address; retry in " + wait + " s");
            return;
        }
        Optional<Principal> principal = authenticate(request);
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
        if (principal.isEmpty() && hasCredentials(request) || principal.isEmpty() && !health) {
            throttle.failed(source);
            denials.denied(source, endpoint, "no valid API key or client certificate");
            problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", 0,
                    "send a partner or admin API key in X-Api-Key (or Authorization: Bearer), or a registered client certificate");
            return;
        }
        if (principal.isEmpty()) {
            chain.doFilter(request, response); // health status for load balancers; its details only for the admin
            return;
        }
        long callerWait = throttle.request(principal.get().actor());
        if (callerWait > 0) {
            problem(response, 429, "Too Many Requests", callerWait, "more than the allowed requests per minute for " + principal.get().actor()
                    + " (cmohub.rate-limit.requests-per-minute); retry in " + callerWait + " s");
            return;
        }
        if (path.startsWith("/actuator/") && !health && !principal.get().isAdmin()) {
            problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", 0, "the actuator endpoints are for the admin");
            return;
        }
        if (principal.get().passwordChangeRequired() && !path.equals("/api/v1/me") && !path.equals("/api/v1/me/password")) {
            problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", 0,
                    "the password was set by an administrator: change it first (POST /api/v1/me/password)");
            return;
        }
        request.setAttribute(Principal.REQUEST_ATTRIBUTE, principal.get());
        chain.doFilter(new AuthenticatedRequest(request, principal.get()), response);
    }

    private static boolean hasCredentials(HttpServletRequest request) {
        return request.getHeader("X-Api-Key") != null || request.getHeader("Authorization") != null;
    }

    private static void problem(HttpServletResponse response, int status, String title, long retryAfterSeconds, String detail) throws IOException {
        response.setStatus(status);
        if (retryAfterSeconds > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(io.cmohub.model.codec.CanonicalJson.mapper().writeValueAsString(java.util.Map.of(
                "type", "about:blank", "title", title, "status", status, "detail", detail)));
    }

    /** The caller as the servlet API knows it, so that the actuator shows health details to the admin only ({@code management.endpoint.health.roles=ADMIN}). */
    private static final class AuthenticatedRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final Principal principal;

        AuthenticatedRequest(HttpServletRequest request, Principal principal) {
            super(request);
            this.principal = principal;
        }

        @Override
        public java.security.Principal getUserPrincipal() {
            return principal::actor;
        }

        @Override
        public boolean isUserInRole(String role) {
            return principal.roles().stream().anyMatch(held -> held.name().equals(role));
        }
    }

    private Optional<Principal> authenticate(HttpServletRequest request) {
        String key = request.getHeader("X-Api-Key");
        String authorization = request.getHeader("Authorization");
        if (key == null && authorization != null && authorization.startsWith("Bearer ")) {
            key = authorization.substring("Bearer ".length()).trim();
            if (io.cmohub.gateway.server.people.JwtShape.of(key)) {
                return people.currentFromToken(); // an identity-provider token, validated by Spring Security's resource server
            }
        }
        if (key != null && !key.isEmpty()) {
            // constant-time comparison: the admin key must not leak through response timing
            if (MessageDigest.isEqual(adminKey, key.getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(Principal.adminKey());
            }
            byte[] presented = key.getBytes(StandardCharsets.UTF_8);
            for (java.util.Map.Entry<String, byte[]> source : alertSourceKeys.entrySet()) {
                if (MessageDigest.isEqual(source.getValue(), presented)) {
                    return Optional.of(Principal.alertSource(source.getKey()));
                }
            }
            return partners.authenticateApiKey(key).map(id -> Principal.partner(id.value(), "api-key"));
        }
        X509Certificate[] certificates = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        if (certificates != null && certificates.length > 0) {
            return partners.authenticateCertificate(certificates[0].getSubjectX500Principal().getName())
                    .map(id -> Principal.partner(id.value(), "certificate"));
        }
        // a person's login session, never consulted when a credential header was sent
        return hasCredentials(request) ? Optional.empty() : people.current();
    }
}
