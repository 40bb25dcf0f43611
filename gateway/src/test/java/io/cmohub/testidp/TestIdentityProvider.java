package io.cmohub.testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server on its own port (127.0.0.1),
 * issuer {@code http://127.0.0.1:<port>} (its session cookie has a name of its own), with the gateway as a confidential client ({@code cmohub}), a
 * second client for tokens the test uses as bearer JWTs ({@code cmohub-cli}), and people whose roles and
 * partner travel in the {@code roles} and {@code cmohub_partner} claims of ID and access tokens. Kept out
 * of the gateway's packages so the gateway's component scan never sees it.
 */
@SpringBootConfiguration
@EnableWebSecurity
@ImportAutoConfiguration({
        org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
        org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration.class,
        org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration.class,
        org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration.class,
        org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration.class,
        org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration.class})
public class TestIdentityProvider {
    public static final String GATEWAY_CLIENT = "cmohub";
    public static final String GATEWAY_SECRET = "cmohub-gateway-client-secret";
    public static final String CLI_CLIENT = "cmohub-cli";
    public static final String CLI_SECRET = "cmohub-cli-client-secret";
    public static final String PASSWORD = "idp-password-0001";

    /** username → claims the provider adds to its tokens. */
    static final Map<String, Map<String, Object>> PEOPLE = Map.of(
            "olivia.ops", Map.of("name", "Olivia Ops", "roles", List.of("cmohub-serialization-ops")),
            "lena.liaison", Map.of("name", "Lena Liaison", "roles", List.of("LIAISON"), "cmohub_partner", "acme-cmo"),
            "cmohub-admin", Map.of("name", "Not the local admin", "roles", List.of("ADMIN")));

    /** Starts the provider; the caller closes it. */
    public static ConfigurableApplicationContext start() {
        int port = freePort();
        // arguments, not default properties, and a config name of its own: the gateway's application.properties is on this class path
        return new SpringApplicationBuilder(TestIdentityProvider.class).run("--spring.config.name=test-identity-provider",
                "--server.port=" + port, "--server.address=127.0.0.1", "--server.servlet.session.cookie.name=IDP_SESSION",
                "--spring.main.banner-mode=off", "--idp.issuer=http://127.0.0.1:" + port);
    }

    public static String issuer(ConfigurableApplicationContext idp) {
        return idp.getEnvironment().getProperty("idp.issuer");
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService people() {
        return new InMemoryUserDetailsManager(PEOPLE.keySet().stream()
                .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build()).toList());
    }

    @Bean
    RegisteredClientRepository clients() {
        return new InMemoryRegisteredClientRepository(client(GATEWAY_CLIENT, GATEWAY_SECRET, "http://127.0.0.1/login/oauth2/code/sso"),
                client(CLI_CLIENT, CLI_SECRET, "http://127.0.0.1/callback"));
    }

    private static RegisteredClient client(String id, String secret, String redirect) {
        // a loopback redirect URI matches on any port (RFC 8252 §7.3): the gateway's test port is random
        return RegisteredClient.withId(UUID.randomUUID().toString()).clientId(id).clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(redirect)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(false).build()).build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> personClaims() {
        return context -> {
            String username = context.getPrincipal().getName();
            context.getClaims().claim("preferred_username", username);
            PEOPLE.getOrDefault(username, Map.of()).forEach((claim, value) -> context.getClaims().claim(claim, value));
        };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** Sessions known to the provider: it dates each sign-in from its session and puts that in the ID token as auth_time. */
    @Bean
    org.springframework.security.core.session.SessionRegistry sessionRegistry() {
        return new org.springframework.security.core.session.SessionRegistryImpl();
    }

    @Bean
    org.springframework.security.web.session.HttpSessionEventPublisher sessionEvents() {
        return new org.springframework.security.web.session.HttpSessionEventPublisher();
    }

    /** What the provider's own user-info endpoint checks its access tokens with. */
    @Bean
    org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration
                .jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings(org.springframework.core.env.Environment environment) {
        return AuthorizationServerSettings.builder().issuer(environment.getProperty("idp.issuer")).build();
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
