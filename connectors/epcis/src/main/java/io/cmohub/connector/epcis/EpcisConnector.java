package io.cmohub.connector.epcis;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConfigProperty;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.ConnectorDescriptor;
import io.cmohub.connector.DocumentParser;
import io.cmohub.connector.ErrorPolicy;
import io.cmohub.connector.InvalidConfigException;
import io.cmohub.model.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Format {@code epcis}: GS1 EPCIS capture and query documents from a CMO's serialisation system
 * (EPCIS 1.2 XML, 2.0 XML, 2.0 JSON-LD; version and syntax detected), streamed into one canonical
 * {@link io.cmohub.model.SerialisationEvent} per EPCIS event, split into chunks of EPCs.
 */
public final class EpcisConnector implements CmoConnector {
    public static final String ID = "epcis";

    static final String MAX_EPCS_PER_RECORD = "max-epcs-per-record";
    static final String LIFECYCLE_CHECKS = "lifecycle-checks";
    static final String LIFECYCLE_MAX_EPCS = "lifecycle-max-epcs";
    static final String SENSOR_DATA = "sensor-data";
    static final String EXPECTED_SENDER = "expected-sender";
    static final String PARALLEL_READING = "parallel-reading";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
            ID,
            "GS1 EPCIS serialisation events",
            "EPCIS 1.2 XML, 2.0 XML and 2.0 JSON-LD capture and query documents (version and syntax detected): commissioning with "
                    + "batch and expiry in the ILMD, packing (aggregation), shipping, and the other EPCIS event types. Each event becomes "
                    + "one canonical serialisation event, split into chunks of EPCs; its id is derived from the event's content, so the "
                    + "same event in XML or JSON-LD, reordered or in another time zone, gets the same id. EPC URNs and GS1 Digital Link "
                    + "URIs are both accepted and their check digits verified; other identifiers are kept as written. Documents of any "
                    + "size are streamed in bounded memory. Master-data-only documents are reported, not imported.",
            List.of("application/xml", "text/xml", "application/ld+json", "application/json"),
            Set.of(EntityType.SERIALISATION_EVENT),
            List.of(
                    ConfigProperty.optional(MAX_EPCS_PER_RECORD, "EPCs per canonical record",
                            "Chunk size: an EPCIS event listing more EPCs is split into several canonical records of at most this many "
                                    + "EPCs each, numbered by their chunk index and count. 1 to 1000000.",
                            ConfigProperty.Type.INTEGER, "10000"),
                    ConfigProperty.optional(LIFECYCLE_CHECKS, "Lifecycle checks",
                            "Whether the document must be self-consistent: an EPC is commissioned (ObjectEvent ADD) once, before it is "
                                    + "aggregated or shipped, aggregation parents and children are commissioned earlier in the same "
                                    + "document, and no EPC is listed twice in one event. Turn off for partners whose documents build "
                                    + "on earlier uploads.",
                            ConfigProperty.Type.BOOLEAN, "true"),
                    ConfigProperty.optional(LIFECYCLE_MAX_EPCS, "Most EPCs tracked",
                            "Upper bound on the commissioned EPCs the lifecycle checks remember per document (8 to 16 bytes each). "
                                    + "A document commissioning more is rejected as a whole with a reason; raise it or turn the checks off.",
                            ConfigProperty.Type.INTEGER, "5000000"),
                    ConfigProperty.oneOf(SENSOR_DATA, "Sensor data handling",
                            "HASH_ONLY: sensor data is validated and part of the event id but not carried into the canonical record, "
                                    + "which has no place for it. REJECT: events with sensor data are rejected, so none is left out unnoticed.",
                            "HASH_ONLY", List.of("HASH_ONLY", "REJECT")),
                    ConfigProperty.optional(EXPECTED_SENDER, "Expected SBDH sender",
                            "GLN of the partner as its documents name it in the SBDH Sender (or the JSON-LD sender), e.g. "
                                    + "urn:epc:id:sgln:0614141.00001.0 or 0614141000012. When set, a document naming another sender or "
                                    + "none is rejected as a whole. When empty, the sender is not checked.",
                            ConfigProperty.Type.STRING, null),
                    ConfigProperty.optional(PARALLEL_READING, "Parallel reading",
                            "Whether a second thread parses the document and collects each event while the calling thread reads "
                                    + "its EPCs, checks and hashes it and hands it on, at most four events ahead (the parsing thread takes "
                                    + "over reading and hashing when the calling thread falls behind). On fewer than four cores a JVM reads "
                                    + "its first 20,000 events on one thread: the JIT compiler needs the second core then. "
                                    + "Results are the same either way. Faster where a core is free; on a machine whose cores are all "
                                    + "busy (a gateway reading many documents at once) it gains nothing and costs a thread per document.",
                            ConfigProperty.Type.BOOLEAN, "true")),
            ErrorPolicy.REJECT_DOCUMENT);

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public DocumentParser open(ConnectorConfig config) {
        int chunk = config.integer(MAX_EPCS_PER_RECORD);
        int tracked = config.integer(LIFECYCLE_MAX_EPCS);
        List<String> problems = new ArrayList<>();
        if (chunk < 1 || chunk > 1_000_000) {
            problems.add("'" + MAX_EPCS_PER_RECORD + "' must be between 1 and 1000000, got " + chunk);
        }
        if (tracked < 1 || tracked > 200_000_000) {
            problems.add("'" + LIFECYCLE_MAX_EPCS + "' must be between 1 and 200000000, got " + tracked);
        }
        EpcisSettings settings = new EpcisSettings(chunk, config.bool(LIFECYCLE_CHECKS), tracked,
                config.enumValue(SENSOR_DATA, EpcisSettings.SensorDataHandling.class), blankToNull(config.string(EXPECTED_SENDER)),
                EpcisSettings.defaultSpoolMemoryLimit(chunk));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(ID, problems);
        }
        return new EpcisDocumentParser(settings, config.bool(PARALLEL_READING));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
