package io.cmohub.gateway.server.broker;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives Spring Boot's embedded broker the hub's security manager before it starts (Spring Boot builds
 * the {@link EmbeddedActiveMQ} without one, and Artemis would fall back to a JAAS login file).
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedBrokerSecurity {

    @Bean
    static BeanPostProcessor embeddedBrokerAuthentication(ObjectProvider<EmbeddedBrokerSettings> settings) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof EmbeddedActiveMQ broker) {
                    broker.setSecurityManager(settings.getObject().authentication());
                }
                return bean;
            }
        };
    }
}
