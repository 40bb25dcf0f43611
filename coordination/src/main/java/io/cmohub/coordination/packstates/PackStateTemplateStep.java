package io.cmohub.coordination.packstates;

import io.cmohub.coordination.packstates.PackStateQueryStore.PendingPack;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.PackQuery;
import io.cmohub.model.PackStateCount;
import io.cmohub.model.PackStateQueryScope;
import io.cmohub.model.PackStateSummary;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.routes.publish.CamelEventPublisher;
import io.cmohub.routes.store.Sha256;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Processor;

/**
 * One query of the {@value PackStateRouteTemplates#ID} template, asked while its message is in hand:
 * chunk by chunk through the host's gateway, each chunk's events published before the next is asked.
 * The query id is derived from the message body, so a redelivered query publishes under the same id
 * and its PackState events keep their content-derived ids.
 */
final class PackStateTemplateStep implements Processor {
    private final ProducerTemplate producer;
    private final CamelEventPublisher publisher;
    private final PackStateQueryParser parser;
    private final ChunkAsker asker;
    private final String rejectedUri;
    private final int chunkSize;
    private final Duration resumeAfter;
    private final Duration maxWait;
    private final Clock clock = Clock.systemUTC();

    PackStateTemplateStep(CamelContext camel, EuHubGateway hub, PackStateQueryParser parser, String publishUri, String rejectedUri, int chunkSize,
                          Duration resumeAfter, Duration maxWait) {
        if (chunkSize < 1 || chunkSize > 1000) {
            throw new IllegalArgumentException("chunkSize must be 1 to 1000 (the Hub's bulk maximum), was " + chunkSize);
        }
        this.producer = camel.createProducerTemplate();
        this.publisher = new CamelEventPublisher(producer, publishUri);
        this.parser = parser;
        this.asker = new ChunkAsker(hub, clock, resumeAfter, resumeAfter);
        this.rejectedUri = rejectedUri;
        this.chunkSize = chunkSize;
        this.resumeAfter = resumeAfter;
        this.maxWait = maxWait;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String body = exchange.getMessage().getBody(String.class);
        PackStateQueryRequest request;
        try {
            request = isCsv(exchange) ? parser.parseCsv(new StringReader(body == null ? "" : body), null) : parser.parseJson(body == null ? "" : body);
            if (request.scope() != PackStateQueryScope.PACKS) {
                throw new PackStateQueryRejectedException("a batch query needs the hub's batch registry; embedded, use "
                        + "CmoHubCoordination.packStates(), or ask the batch's packs by serial");
            }
        } catch (PackStateQueryRejectedException e) {
            producer.sendBodyAndHeader(rejectedUri, body, PackStateRouteTemplates.REJECTION_HEADER, String.join("\n", e.reasons()));
            exchange.getMessage().setBody(CanonicalJson.mapper().createObjectNode().put("rejected", e.getMessage()).toString());
            return;
        }
        String queryId = "psq-" + Sha256.hex(body).substring(0, 32);
        String requestedBy = exchange.getMessage().getHeader(PackStateRouteTemplates.REQUESTED_BY_HEADER, exchange.getFromRouteId(), String.class);
        exchange.getMessage().setBody(CanonicalJson.mapper().writeValueAsString(ask(queryId, request.packs(), requestedBy)));
    }

    private CanonicalEvent ask(String queryId, List<PackQuery> packs, String requestedBy) throws Exception {
        Instant started = clock.instant();
        Instant deadline = started.plus(maxWait);
        Map<String, Long> counts = new TreeMap<>();
        long answered = 0;
        long failed = 0;
        int next = 0;
        while (next < packs.size()) {
            List<PendingPack> chunk = new ArrayList<>(chunkSize);
            for (int i = next; i < Math.min(next + chunkSize, packs.size()); i++) {
                chunk.add(new PendingPack(i, packs.get(i)));
            }
            ChunkAsker.Outcome outcome = asker.ask(chunk, () -> {
            });
            List<CanonicalEvent> events = outcome.answers().stream().filter(PackAnswer::found)
                    .map(a -> CanonicalEvent.of(a.state(), PackStateEvents.source(queryId), null, a.answeredAt())).toList();
            publisher.publish(events, "pack-state-query:" + queryId);
            for (PackAnswer a : outcome.answers()) {
                counts.merge(a.answer(), 1L, Long::sum);
                if (a.failed()) {
                    failed++;
                } else {
                    answered++;
                }
            }
            next += outcome.answers().size();
            if (outcome.paused()) {
                if (clock.instant().plus(resumeAfter).isAfter(deadline)) {
                    throw new IllegalStateException("pack-state query " + queryId + " waited " + maxWait + " for the EU Hub and stops after "
                            + next + " of " + packs.size() + " packs; the endpoint's redelivery asks it again (" + outcome.pause() + ")");
                }
                Thread.sleep(resumeAfter.toMillis());
            }
        }
        List<PackStateCount> summaryCounts = counts.entrySet().stream().map(e -> new PackStateCount(e.getKey(), e.getValue())).toList();
        PackStateSummary summary = new PackStateSummary(queryId, PackStateQueryScope.PACKS, null, null, requestedBy, (long) packs.size(), answered, failed,
                summaryCounts, started, clock.instant());
        CanonicalEvent event = CanonicalEvent.of(summary, PackStateEvents.source(queryId), null, summary.completedAt());
        publisher.publish(List.of(event), "pack-state-query:" + queryId);
        return event;
    }

    private static boolean isCsv(Exchange exchange) {
        String type = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class).toLowerCase(Locale.ROOT);
        String file = exchange.getMessage().getHeader(Exchange.FILE_NAME, "", String.class).toLowerCase(Locale.ROOT);
        return type.startsWith("text/csv") || file.endsWith(".csv");
    }
}
