package io.cmohub.gateway.server.wiring;

import io.cmohub.routes.pipeline.PipelineObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline's metrics: {@code cmohub.documents} (by status, partner, format),
 * {@code cmohub.records} (by outcome: published, duplicate, rejected) and
 * {@code cmohub.publish.latency} (one broker transaction). Served at /actuator/metrics.
 */
public class MicrometerPipelineObserver implements PipelineObserver {
    private final MeterRegistry registry;
    private final Timer publishLatency;

    public MicrometerPipelineObserver(MeterRegistry registry) {
        this.registry = registry;
        this.publishLatency = Timer.builder("cmohub.publish.latency").description("Duration of one transacted batch publication")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    @Override
    public void documentCompleted(String partner, String format, String status, long sourceEvents, long published, long duplicates,
                                  long rejectedRecords) {
        Counter.builder("cmohub.documents").description("Documents processed to a final status")
                .tag("status", status).tag("partner", partner).tag("format", format).register(registry).increment();
        records("published", published);
        records("duplicate", duplicates);
        records("rejected", rejectedRecords);
    }

    @Override
    public void batchPublished(int events, long nanos) {
        publishLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    private void records(String outcome, long count) {
        if (count > 0) {
            Counter.builder("cmohub.records").description("Records by outcome").tag("outcome", outcome).register(registry).increment(count);
        }
    }
}
