package io.cmohub.coordination.packstates;

import io.cmohub.coordination.registry.RegisteredBatches;
import io.cmohub.model.event.CanonicalEvent;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Turns a query's answers into canonical {@code PackState} events. Only found packs have a state to
 * publish; what the Hub said of the others is in the query's results and its summary. For a batch,
 * the event names the CMO that made it (the CloudEvents {@code partner}), so outbound filters can
 * route by CMO.
 */
public final class PackStateEvents {
    private final RegisteredBatches registry;

    public PackStateEvents(RegisteredBatches registry) {
        this.registry = registry;
    }

    /** The CloudEvents source of a query's events. */
    public static URI source(String queryId) {
        return URI.create("/cmohub/eu-hub/pack-state-queries/" + queryId);
    }

    List<CanonicalEvent> packStates(PackStateQueryStatus query, List<PackAnswer> answers) {
        String partner = partnerOf(query).orElse(null);
        URI source = source(query.queryId());
        return answers.stream().filter(PackAnswer::found)
                .map(a -> CanonicalEvent.of(a.state(), source, partner, a.answeredAt()))
                .toList();
    }

    /** The CMO of the query's batch, when it asks a batch the registry knows. */
    Optional<String> partnerOf(PackStateQueryStatus query) {
        if (query.product() == null || query.batchId() == null || registry == null) {
            return Optional.empty();
        }
        return registry.find(query.product(), query.batchId()).map(b -> b.partner() == null ? null : b.partner().value());
    }
}
