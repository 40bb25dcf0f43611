package io.cmohub.gateway.server.people;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * The sign-in requests sent to the identity provider; with {@code ?reauthenticate=true} they ask it to
 * authenticate the person again even inside its own session ({@code prompt=login}, {@code max_age=0}):
 * that fresh sign-in is what lets a provider person sign.
 */
final class ReauthenticationRequests implements OAuth2AuthorizationRequestResolver {
    private final DefaultOAuth2AuthorizationRequestResolver defaults;
    private final DefaultOAuth2AuthorizationRequestResolver again;

    ReauthenticationRequests(ClientRegistrationRepository registrations) {
        this.defaults = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        this.again = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        again.setAuthorizationRequestCustomizer(request -> request.additionalParameters(parameters -> parameters.putAll(Map.of("prompt", "login", "max_age", "0"))));
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return chosen(request).resolve(request);
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return chosen(request).resolve(request, clientRegistrationId);
    }

    private DefaultOAuth2AuthorizationRequestResolver chosen(HttpServletRequest request) {
        return "true".equals(request.getParameter("reauthenticate")) ? again : defaults;
    }
}
