package io.cmohub.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The entities of canonical model v1 with their wire names. The name is used in the CloudEvents
 * type ({@code io.cmohub.<name>.<verb>.v1}), in the topic ({@code cmohub.events.<name>}) and as
 * the JSON Schema definition and XML root element.
 */
public enum EntityType {
    BATCH("batch", "updated", Batch.class),
    PACKAGING_RUN("packaging-run", "recorded", PackagingRun.class),
    SERIALISATION_EVENT("serialisation-event", "recorded", SerialisationEvent.class),
    QC_RESULT("qc-result", "recorded", QcResult.class),
    QUALITY_EVENT("quality-event", "updated", QualityEvent.class),
    SHIPMENT("shipment", "recorded", Shipment.class),
    PACK_STATE("pack-state", "reported", PackState.class),
    ALERT("alert", "raised", Alert.class),
    UPLOAD_REJECTION("upload-rejection", "recorded", UploadRejection.class),
    EVIDENCE_REQUEST("evidence-request", "issued", EvidenceRequest.class),
    INVESTIGATION_CASE("investigation-case", "updated", InvestigationCase.class),
    RELEASE_CHECK("release-check", "completed", ReleaseCheck.class),
    PACK_STATE_SUMMARY("pack-state-summary", "completed", PackStateSummary.class),
    PACK_STATE_FINDING("pack-state-finding", "raised", PackStateFinding.class);

    public static final int MODEL_VERSION = 1;

    private final String wireName;
    private final String verb;
    private final Class<? extends CanonicalRecord> javaType;

    EntityType(String wireName, String verb, Class<? extends CanonicalRecord> javaType) {
        this.wireName = wireName;
        this.verb = verb;
        this.javaType = javaType;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends CanonicalRecord> javaType() {
        return javaType;
    }

    /** The CloudEvents type, e.g. {@code io.cmohub.batch.updated.v1}. */
    public String eventType() {
        return "io.cmohub." + wireName + "." + verb + ".v" + MODEL_VERSION;
    }

    /** The canonical topic, e.g. {@code cmohub.events.batch}. */
    public String topic() {
        return "cmohub.events." + wireName;
    }

    /** The name of the type's definition in the JSON Schema and of its root element in the XSD. */
    public String schemaName() {
        return javaType.getSimpleName();
    }

    public static Optional<EntityType> ofEventType(String eventType) {
        return Arrays.stream(values()).filter(t -> t.eventType().equals(eventType)).findFirst();
    }

    public static Optional<EntityType> ofJavaType(Class<?> type) {
        return Arrays.stream(values()).filter(t -> t.javaType.equals(type)).findFirst();
    }
}
