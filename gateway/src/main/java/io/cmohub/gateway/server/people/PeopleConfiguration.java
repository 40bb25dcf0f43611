package io.cmohub.gateway.server.people;

import io.cmohub.gateway.server.security.RequestThrottle;
import io.cmohub.routes.audit.JdbcAuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security for people: the form login of local accounts at {@code /login}, the session it opens,
 * CSRF protection for everything a browser session can change, logout. Machine credentials (API keys,
 * client certificates) are checked afterwards by the API filter, which also turns the session's person
 * into the request's {@code Principal}; which roles an endpoint needs is decided by the endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PeopleProperties.class)
public class PeopleConfiguration {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcAccounts jdbcAccounts(DataSource dataSource, JdbcAuditTrail audit) {
        return new JdbcAccounts(dataSource, audit);
    }

    @Bean
    PasswordPolicy passwordPolicy(PasswordEncoder encoder, JdbcAccounts accounts, PeopleProperties properties) {
        return new PasswordPolicy(encoder, accounts, properties);
    }

    @Bean
    io.cmohub.gateway.server.signatures.JdbcSignatures jdbcSignatures(DataSource dataSource, JdbcAuditTrail audit, PeopleProperties properties) {
        return new io.cmohub.gateway.server.signatures.JdbcSignatures(dataSource, audit, properties.getSignatureValidity());
    }

    @Bean
    AccountAdministration accountAdministration(JdbcAccounts accounts, PasswordPolicy passwords, io.cmohub.routes.partner.JdbcPartnerDirectory partners) {
        return new AccountAdministration(accounts, passwords, partners);
    }

    @Bean
    OwnPassword ownPassword(PasswordPolicy passwords, JdbcAccounts accounts, PeopleProperties properties) {
        return new OwnPassword(passwords, accounts, properties);
    }

    @Bean
    io.cmohub.gateway.server.signatures.SignatureCeremony signatureCeremony(PasswordPolicy passwords, JdbcAccounts accounts,
            io.cmohub.gateway.server.signatures.JdbcSignatures signatures, PeopleProperties properties, OidcPeople oidc) {
        return new io.cmohub.gateway.server.signatures.SignatureCeremony(passwords, accounts, signatures, properties, oidc);
    }

    @Bean
    OidcPeople oidcPeople(JdbcAccounts accounts, PeopleProperties properties) {
        return new OidcPeople(accounts, properties.getOidc());
    }

    @Bean
    PersonLookup personLookup(JdbcAccounts accounts, OidcPeople oidc, io.cmohub.routes.partner.JdbcPartnerDirectory partners) {
        return new PersonLookup(accounts, oidc, partners);
    }

    @Bean
    org.springframework.boot.ApplicationRunner initialAdministrator(JdbcAccounts accounts, PasswordPolicy passwords, PeopleProperties properties,
                                                                    io.cmohub.spring.boot.CmoHubProperties hub) {
        return arguments -> new InitialAdministrator(accounts, passwords, properties.getInitialAdmin()).ensure(hub.getDataDir());
    }

    /**
     * The password login of local accounts, as the one global authentication provider: the form login reaches it
     * through the chain's parent manager (the identity provider's login has providers of its own), and as a bean it
     * keeps Spring Boot from adding its default in-memory user.
     */
    @Bean
    SessionIdleTimeout sessionIdleTimeout(org.springframework.boot.autoconfigure.web.ServerProperties server) {
        return new SessionIdleTimeout(server.getServlet().getSession().getTimeout());
    }

    @Bean
    LocalLogin localLogin(JdbcAccounts accounts, PasswordPolicy passwords, PeopleProperties properties, RequestThrottle throttle) {
        return new LocalLogin(accounts, passwords, properties, throttle);
    }

    @Bean
    SecurityFilterChain peopleSecurity(HttpSecurity http,
                                       ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> identityProvider,
                                       ObjectProvider<org.springframework.security.oauth2.jwt.JwtDecoder> bearerTokens) throws Exception {
        // the API authorises per endpoint (@Authorised); the console's pages need a logged-in person, else the browser goes to /login
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/console", "/console/**").authenticated().anyRequest().permitAll())
                .formLogin(login -> login.defaultSuccessUrl("/console", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(PeopleConfiguration::browserStateChange))
                .httpBasic(basic -> basic.disable())
                .requestCache(cache -> cache.requestCache(ConsoleSecurity.deepLinks()))
                .headers(headers -> headers.addHeaderWriter(ConsoleSecurity.contentSecurityPolicy()))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login"), ConsoleSecurity.PAGES));
        // Sign-in through the sponsor's identity provider, when spring.security.oauth2.client.registration.* names one
        if (identityProvider.getIfAvailable() != null) {
            var resolver = new ReauthenticationRequests(identityProvider.getObject());
            http.oauth2Login(login -> login.defaultSuccessUrl("/console", false) // offered on the same /login page
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver)));
        }
        // Bearer JWTs of that provider for API calls, when spring.security.oauth2.resourceserver.jwt.* is set; an API key
        // sent as a bearer token is left to the API filter (it is no JWT)
        org.springframework.security.oauth2.jwt.JwtDecoder decoder = bearerTokens.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server.bearerTokenResolver(PeopleConfiguration::jwtBearerToken).jwt(jwt -> jwt.decoder(decoder)));
        }
        return http.build();
    }

    /** The bearer token of the request if it has the shape of a JWT (three dot-separated parts), else null. */
    static String jwtBearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return JwtShape.of(token) ? token : null;
    }

    /**
     * Needs a CSRF token: the login and logout forms, and any state change that could ride on a browser's
     * session cookie. A request carrying an API key or a bearer token cannot be forged cross-site (a browser
     * adds no such header on its own), and one without a session has no cookie to abuse.
     */
    static boolean browserStateChange(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String path = request.getServletPath();
        if (path.equals("/login") || path.equals("/logout")) {
            return true;
        }
        return request.getHeader("X-Api-Key") == null && request.getHeader("Authorization") == null && request.getRequestedSessionId() != null;
    }
}
