package io.cmohub.spring.boot;

import io.cmohub.routes.pipeline.DocumentProcessor;
import io.cmohub.routes.pipeline.IntakeRoutes;
import io.cmohub.routes.publish.EventPublisher;
import io.cmohub.routes.templates.CmoHubPipeline;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * What needs a default event publisher (the application's own {@link EventPublisher} or the JMS one on
 * its ConnectionFactory): the shared {@link DocumentProcessor} and the gateway's fixed intake routes.
 * Without a publisher, routes made from the intake template with a {@code publishUri} still work.
 */
@AutoConfiguration(after = CmoHubAutoConfiguration.class)
@ConditionalOnBean({CmoHubPipeline.class, EventPublisher.class})
public class CmoHubProcessingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public DocumentProcessor documentProcessor(CmoHubPipeline pipeline) {
        return pipeline.processor();
    }

    /**
     * The routes cmohub-process, cmohub-intake-jms, cmohub-intake-inbox and cmohub-sweeper. They read
     * cmohub.dispatch.uri, cmohub.intake.jms.uri and cmohub.inbox.uri (all three needed) as Camel properties.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "cmohub.dispatch", name = "uri")
    public IntakeRoutes intakeRoutes(CmoHubPipeline pipeline, DocumentProcessor processor) {
        return new IntakeRoutes(pipeline.intake(), processor, pipeline.inboxFormats(), pipeline.documentRegistry());
    }
}
