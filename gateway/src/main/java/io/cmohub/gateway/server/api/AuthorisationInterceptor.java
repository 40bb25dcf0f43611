package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.security.Principal;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces each {@code /api} handler's {@link Authorised} rule before it runs; a handler that declares none
 * is refused to everyone (fail closed), and {@code EndpointAuthorisationTest} keeps that from shipping.
 */
@Component
public class AuthorisationInterceptor implements HandlerInterceptor, WebMvcConfigurer {
    private final AuditTrail audit;

    public AuthorisationInterceptor(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // static resources, error pages
        }
        Authorised rule = method.getMethodAnnotation(Authorised.class);
        if (rule == null) {
            throw new ApiException(HttpStatus.FORBIDDEN, "this endpoint declares no access rule");
        }
        Principal principal = (Principal) request.getAttribute(Principal.REQUEST_ATTRIBUTE);
        if (principal == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "authentication required");
        }
        if (!rule.value().allows(principal)) {
            audit.record(AuditEvent.denied(principal.actor(), "ACCESS_DENIED").on("endpoint", request.getRequestURI())
                    .because(rule.value().describe() + " required").details(request.getMethod() + " " + request.getRequestURI()));
            throw new ApiException(HttpStatus.FORBIDDEN, "this endpoint needs " + rule.value().describe());
        }
        return true;
    }
}
