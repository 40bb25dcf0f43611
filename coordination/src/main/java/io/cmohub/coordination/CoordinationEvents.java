package io.cmohub.coordination;

import io.cmohub.model.Alert;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.event.CanonicalEventReader;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.registry.BatchRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The entry point for canonical events: Batch, PackagingRun, SerialisationEvent and UploadRejection
 * feed the batch registry, an Alert opens or updates a case. Other entities are ignored. Both sides
 * are idempotent, so an at-least-once subscription (a JMS queue per subscriber) is enough.
 */
public final class CoordinationEvents {
    /** What one event did, for logs and metrics. */
    public enum Effect { REGISTERED, UNCHANGED, CASE, IGNORED }

    private final BatchRegistry registry;
    private final CaseCoordinator cases;
    private final CanonicalEventReader reader = new CanonicalEventReader();

    public CoordinationEvents(BatchRegistry registry, CaseCoordinator cases) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.cases = Objects.requireNonNull(cases, "cases");
    }

    /** One canonical CloudEvent as the publisher wrote it (JSON). */
    public Effect acceptCloudEvent(String json) throws java.io.IOException {
        return accept(reader.read(CanonicalJson.mapper().readTree(json)));
    }

    /**
     * Several CloudEvents in their order: consecutive registry records are applied in one
     * transaction ({@link BatchRegistry#applyAll}), an alert on its own. The effects are in the
     * events' order. For a consumer that takes a bulk upload's events from its queue in groups.
     */
    public List<Effect> acceptCloudEvents(List<String> json) throws java.io.IOException {
        List<CanonicalRecord> records = new ArrayList<>(json.size());
        for (String event : json) {
            records.add(reader.read(CanonicalJson.mapper().readTree(event)).data());
        }
        List<Effect> effects = new ArrayList<>(records.size());
        List<CanonicalRecord> group = new ArrayList<>();
        for (CanonicalRecord record : records) {
            if (feedsRegistry(record)) {
                group.add(record);
                continue;
            }
            applyGroup(group, effects);
            effects.add(accept(record));
        }
        applyGroup(group, effects);
        return effects;
    }

    private void applyGroup(List<CanonicalRecord> group, List<Effect> effects) {
        if (group.isEmpty()) {
            return;
        }
        for (boolean changed : registry.applyAll(group)) {
            effects.add(changed ? Effect.REGISTERED : Effect.UNCHANGED);
        }
        group.clear();
    }

    private static boolean feedsRegistry(CanonicalRecord record) {
        return !(record instanceof Alert) && switch (record.entityType()) {
            case BATCH, PACKAGING_RUN, SERIALISATION_EVENT, UPLOAD_REJECTION -> true;
            default -> false;
        };
    }

    public Effect accept(CanonicalEvent event) {
        return accept(event.data());
    }

    public Effect accept(CanonicalRecord record) {
        if (record instanceof Alert alert) {
            cases.onAlert(alert);
            return Effect.CASE;
        }
        if (feedsRegistry(record)) {
            return registry.apply(record) ? Effect.REGISTERED : Effect.UNCHANGED;
        }
        return Effect.IGNORED;
    }
}
