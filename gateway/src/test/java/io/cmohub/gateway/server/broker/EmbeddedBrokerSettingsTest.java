package io.cmohub.gateway.server.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.gateway.server.wiring.CmoHubProperties;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerSettingsTest {

    @Test
    void anAcceptorWithoutAPasswordStopsTheStartNamingTheSetting() {
        CmoHubProperties properties = new CmoHubProperties();
        properties.getBroker().setAcceptorUrl("tcp://127.0.0.1:61616");
        EmbeddedBrokerSettings settings = new EmbeddedBrokerSettings(properties);

        assertThatThrownBy(() -> settings.customize(new ConfigurationImpl()))
                .hasMessageContaining("cmohub.broker.acceptor-password is not");
        properties.getBroker().setAcceptorPassword("short");
        assertThatThrownBy(() -> settings.customize(new ConfigurationImpl()))
                .hasMessageContaining("cmohub.broker.acceptor-password is 5 characters long");
    }

    @Test
    void securityIsOnWithTheHubRoleOnEveryAddressAndNoAuthenticationCache() {
        CmoHubProperties properties = new CmoHubProperties();
        properties.getBroker().setAcceptorUrl("tcp://127.0.0.1:61616");
        properties.getBroker().setAcceptorPassword("a-password-of-sufficient-length");
        ConfigurationImpl configuration = new ConfigurationImpl();

        new EmbeddedBrokerSettings(properties).customize(configuration);

        assertThat(configuration.isSecurityEnabled()).isTrue();
        assertThat(configuration.getAuthenticationCacheSize()).isZero();
        assertThat(configuration.getSecurityRoles().get("#")).singleElement()
                .satisfies(role -> assertThat(role.getName()).isEqualTo(BrokerAuthentication.ROLE));
        assertThat(configuration.getAcceptorConfigurations()).anySatisfy(acceptor -> assertThat(acceptor.getName()).isEqualTo("tcp"));
    }

    @Test
    void theAcceptorUserCannotTakeTheGatewaysOwnName() {
        assertThatThrownBy(() -> new BrokerAuthentication(BrokerAuthentication.GATEWAY_USER, "a-password-of-sufficient-length"))
                .hasMessageContaining("that name is the gateway's own");
    }
}
