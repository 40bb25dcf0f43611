package io.cmohub.gateway.server.broker;

import io.cmohub.gateway.server.wiring.CmoHubProperties;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Settings of the embedded broker beyond Spring Boot's: a TCP acceptor for other processes, a
 * duplicate-detection cache large enough for the biggest document, redelivery with back-off and a
 * dead-letter address for the hub's queues, and authentication ({@link BrokerAuthentication}). (An external broker needs the same address settings;
 * docs/operations.md lists them.)
 */
@Component
public class EmbeddedBrokerSettings implements ArtemisConfigurationCustomizer {
    public static final String DISPATCH_QUEUE = "cmohub.documents";
    public static final String INBOUND_QUEUE = "cmohub.inbound";
    public static final String DEAD_LETTER_ADDRESS = "cmohub.dlq";

    private final CmoHubProperties properties;

    public EmbeddedBrokerSettings(CmoHubProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(org.apache.activemq.artemis.core.config.Configuration configuration) {
        String acceptor = properties.getBroker().getAcceptorUrl();
        BrokerAuthentication.applyTo(configuration);
        if (acceptor != null && !acceptor.isBlank()) {
            acceptorPassword();
            try {
                configuration.addAcceptorConfiguration("tcp", acceptor);
            } catch (Exception e) {
                throw new IllegalStateException("invalid cmohub.broker.acceptor-url " + acceptor + ": " + e.getMessage(), e);
            }
        }
        long bufferTimeout = properties.getBroker().getJournalBufferTimeout().toNanos();
        if (bufferTimeout > 0) {
            configuration.setJournalBufferTimeout_NIO((int) Math.min(bufferTimeout, Integer.MAX_VALUE));
            configuration.setJournalBufferTimeout_AIO((int) Math.min(bufferTimeout, Integer.MAX_VALUE));
        }
        configuration.setIDCacheSize(properties.getBroker().getIdCacheSize());
        configuration.setPersistIDCache(true);
        configuration.addAddressSetting("cmohub.#", new AddressSettings()
                .setMaxDeliveryAttempts(properties.getBroker().getMaxDeliveryAttempts())
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000)
                .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(DEAD_LETTER_ADDRESS))
                .setAutoCreateDeadLetterResources(true));
        configuration.addQueueConfiguration(QueueConfiguration.of(DEAD_LETTER_ADDRESS).setRoutingType(RoutingType.ANYCAST).setDurable(true));
    }

    /** The security manager of the embedded broker: the gateway in-VM, the configured user through the acceptor. */
    public BrokerAuthentication authentication() {
        String acceptor = properties.getBroker().getAcceptorUrl();
        return acceptor == null || acceptor.isBlank() ? new BrokerAuthentication(null, null)
                : new BrokerAuthentication(properties.getBroker().getAcceptorUser(), acceptorPassword());
    }

    private String acceptorPassword() {
        String password = properties.getBroker().getAcceptorPassword();
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("cmohub.broker.acceptor-url=" + properties.getBroker().getAcceptorUrl()
                    + " is set but cmohub.broker.acceptor-password is not: anyone who reached the port could read the document queue"
                    + " and post documents in any partner's name (e.g. openssl rand -hex 16)");
        }
        return io.cmohub.routes.partner.ApiKeyRule.require("cmohub.broker.acceptor-password", password);
    }
}
