package io.cmohub.gateway.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document ({@code /v3/api-docs}, committed as {@code docs/openapi.json}) says about who
 * may call: the four ways to authenticate as security schemes, and on every operation its {@link Authorised}
 * rule — in words in the description and as data in {@code x-cmohub-access}. Operation ids are
 * {@code Controller.method}, so the document is the same on every run and a change shows as a diff.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocumentation {

    @Bean
    OpenApiCustomizer securitySchemes() {
        return openApi -> {
            openApi.setServers(List.of(new Server().url("/").description("this gateway")));
            openApi.setInfo(new Info().title("cmo-hub gateway API").version("v1")
                    .description("Partner intake, quarantine, alerts, cases, release checks, people and partners. See docs/operations.md."));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key")
                    .description("a partner's, an alert source's or the admin API key"));
            components.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("an API key, or an access token (JWT) of the sponsor's identity provider"));
            components.addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                    .name("CMOHUB_SESSION").description("a person's browser session from /login; changes also need the X-CSRF-TOKEN header"));
            components.addSecuritySchemes("mutualTls", new SecurityScheme().type(SecurityScheme.Type.MUTUALTLS)
                    .description("a partner's TLS client certificate (when the gateway runs with mutual TLS)"));
            openApi.setComponents(components);
            openApi.setSecurity(List.of(new SecurityRequirement().addList("apiKey"), new SecurityRequirement().addList("bearer"),
                    new SecurityRequirement().addList("session"), new SecurityRequirement().addList("mutualTls")));
        };
    }

    @Bean
    OperationCustomizer accessRules() {
        return (operation, handler) -> {
            operation.setOperationId(handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName());
            Authorised authorised = handler.getMethodAnnotation(Authorised.class);
            if (authorised != null) {
                var rule = authorised.value();
                String who = "Who may call: " + rule.describe() + ".";
                operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
                Map<String, Object> access = new LinkedHashMap<>();
                access.put("rule", rule.name());
                access.put("roles", rule.roles().stream().map(Enum::name).sorted().toList());
                access.put("partner", rule.partner());
                access.put("alertSource", rule.alertSource());
                access.put("personOnly", rule.personOnly());
                operation.addExtension("x-cmohub-access", access);
            }
            return operation;
        };
    }
}
