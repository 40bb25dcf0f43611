package io.cmohub.connector.epcis;

import io.cmohub.connector.epcis.benchmark.EpcisDocumentGenerator;
import io.cmohub.model.value.EpcIdentifier;
import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.connector.ErrorPolicy;
import io.cmohub.connector.testkit.ConnectorConformanceTest;
import io.cmohub.connector.testkit.GeneratedDocument;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.SerialisationAction;
import io.cmohub.model.SerialisationEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EpcisConnectorTest extends ConnectorConformanceTest {
    private final EpcisConnector connector = new EpcisConnector();

    /** Two threads from the first document on, so that the tests below exercise them; production waits for a warm JVM. */
    @BeforeAll
    static void twoThreadsFromTheFirstDocument() {
        EpcisDocumentParser.warmEvents = 0;
    }

    @AfterAll
    static void warmUpAsInProduction() {
        EpcisDocumentParser.warmEvents = 20_000;
    }

    @Test
    void aColdJvmReadsOnOneThreadAndAWarmOneOnTwo() throws Exception {
        String document = jsonDocument("", objectEvent("OBSERVE", "\"urn:epc:id:sgtin:4012345.012345.1001\"", ""), "");
        Map<Long, Boolean> readerSeen = new java.util.LinkedHashMap<>();
        for (long warmAfter : List.of(Long.MAX_VALUE, 0L)) {
            EpcisDocumentParser.warmEvents = warmAfter;
            long before = EventPipeline.DOCUMENTS.get();
            try {
                DocumentReport report = new DocumentRun(EpcisConnector.ID, new EpcisDocumentParser(
                        new EpcisSettings(10_000, true, 1000, EpcisSettings.SensorDataHandling.HASH_ONLY, null, 20_000), true),
                        ErrorPolicy.REJECT_DOCUMENT).deliver(DocumentSource.of(document.getBytes(StandardCharsets.UTF_8)), CONTEXT, record -> { });
                assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
                readerSeen.put(warmAfter, EventPipeline.DOCUMENTS.get() > before);
            } finally {
                EpcisDocumentParser.warmEvents = 0;
            }
        }
        // with four cores or more the JIT has cores of its own, and two threads are used from the start
        assertThat(readerSeen).containsEntry(Long.MAX_VALUE, Runtime.getRuntime().availableProcessors() >= 4).containsEntry(0L, true);
    }

    /** An EPCIS event is read as a stream: its EPC list goes to a spool, its other fields are bounded by the GS1 field count. */
    @Override
    protected boolean buildsRecordsWhole() {
        return false;
    }

    @Override
    protected CmoConnector connector() {
        return connector;
    }

    /** A small chunk size, so the golden samples show events split into chunks. */
    @Override
    protected Map<String, String> sampleConfig() {
        return Map.of(EpcisConnector.MAX_EPCS_PER_RECORD, "2");
    }

    /** The benchmark's document at one million SGTINs: about 143 MB of EPCIS 1.2 XML, lifecycle checks on. */
    @Override
    protected GeneratedDocument largeDocument() {
        EpcisDocumentGenerator generator = EpcisDocumentGenerator.standard(EpcisDocumentGenerator.Syntax.XML_1_2, 1_000_000);
        return GeneratedDocument.utf8(generator.head(), generator::event, generator.tail(), generator.events());
    }

    static DocumentReport run(Map<String, String> config, ErrorPolicy policy, byte[] document, List<CanonicalRecord> out) throws Exception {
        EpcisConnector connector = new EpcisConnector();
        DocumentRun run = new DocumentRun(EpcisConnector.ID, connector.open(ConnectorConfig.of(connector.descriptor(), config)), policy);
        return run.deliver(DocumentSource.of(document), CONTEXT, out::add);
    }

    static DocumentReport run(Map<String, String> config, ErrorPolicy policy, Path document, List<CanonicalRecord> out) throws Exception {
        return run(config, policy, Files.readAllBytes(document), out);
    }

    /** What must agree between syntaxes: everything but the EPCs' spelling and order. */
    static List<String> meaning(List<CanonicalRecord> records) {
        return records.stream().map(r -> (SerialisationEvent) r).map(e -> String.join("|", e.sourceEventId(), e.action().name(),
                e.eventTime().toString(), String.valueOf(e.location()), String.valueOf(e.product()), String.valueOf(e.batchId()),
                String.valueOf(e.expiry()), String.valueOf(e.parent() == null ? null : EpcIdentifier.parse(e.parent()).canonical()),
                e.epcs().stream().map(epc -> EpcIdentifier.parse(epc).canonical()).collect(Collectors.toCollection(TreeSet::new)).toString()))
                .toList();
    }

    @Test
    void theSameRunInEpcis12Epcis20AndJsonLdMeansTheSameAndHasTheSameIds() throws Exception {
        Map<String, String> oneChunk = Map.of();
        List<List<String>> meanings = new ArrayList<>();
        for (String sample : List.of("run-epcis12.xml", "run-epcis20.xml", "run-jsonld.jsonld")) {
            List<CanonicalRecord> out = new ArrayList<>();
            DocumentReport report = run(oneChunk, ErrorPolicy.REJECT_DOCUMENT, samplesDir().resolve("valid").resolve(sample), out);
            assertThat(report.status()).as(sample + ": " + report.errors()).isEqualTo(DocumentStatus.ACCEPTED);
            assertThat(report.sourceEvents()).isEqualTo(5);
            meanings.add(meaning(out));
        }
        assertThat(meanings.get(1)).isEqualTo(meanings.get(0));
        assertThat(meanings.get(2)).isEqualTo(meanings.get(0));
        assertThat(meanings.get(0)).extracting(m -> m.split("\\|")[1])
                .containsExactly("COMMISSION", "COMMISSION", "AGGREGATE", "AGGREGATE", "SHIP");
    }

    @Test
    void spooledOrInMemoryAndOnOneThreadOrTwoTheReportsAreTheSame() throws Exception {
        // two threads twice: the parsing thread preparing events when the checking one falls behind
        // (as in production), and preparing every event (all the work EventAssembler.prepare moves)
        // 4 EPCs in memory: every larger list is spooled, and sorted for its event id by the external merge sort
        List<EpcisSettings> settings = List.of(new EpcisSettings(2, true, 1000, EpcisSettings.SensorDataHandling.HASH_ONLY, null, 4),
                new EpcisSettings(2, true, 1000, EpcisSettings.SensorDataHandling.HASH_ONLY, null, 1_000_000));
        List<Path> samples = new ArrayList<>(samples("valid"));
        samples.addAll(samples("invalid"));
        EpcisDocumentGenerator generator = new EpcisDocumentGenerator(EpcisDocumentGenerator.Syntax.JSON_LD, 20_000, 100, 100, 10);
        Path generated = Files.createTempFile("epcis-pipeline-", ".jsonld");
        try {
            generator.write(generated);
            samples.add(generated);
            for (Path sample : samples) {
                List<String> results = new ArrayList<>();
                for (EpcisSettings setting : settings) {
                    for (int threads : List.of(1, 2, 3)) {
                        int normally = EventPipeline.prepareFrom;
                        EventPipeline.prepareFrom = threads == 3 ? 0 : normally;
                        try {
                            List<CanonicalRecord> out = new ArrayList<>();
                            DocumentReport report = new DocumentRun(EpcisConnector.ID, new EpcisDocumentParser(setting, threads > 1),
                                    ErrorPolicy.ACCEPT_VALID).deliver(DocumentSource.of(sample), CONTEXT, out::add);
                            results.add(report + "\n" + out);
                        } finally {
                            EventPipeline.prepareFrom = normally;
                        }
                    }
                }
                assertThat(results).as(sample.toString()).containsOnly(results.get(0));
            }
        } finally {
            Files.deleteIfExists(generated);
        }
    }

    @Test
    void aFailingDeliveryReachesTheCallerUnchangedAndStopsTheReading() throws Exception {
        EpcisDocumentGenerator generator = EpcisDocumentGenerator.standard(EpcisDocumentGenerator.Syntax.XML_2_0, 50_000);
        byte[] document;
        try (var bytes = new java.io.ByteArrayOutputStream()) {
            bytes.write(generator.head().getBytes(StandardCharsets.UTF_8));
            for (long i = 0; i < generator.events(); i++) {
                bytes.write(generator.event(i).getBytes(StandardCharsets.UTF_8));
            }
            bytes.write(generator.tail().getBytes(StandardCharsets.UTF_8));
            document = bytes.toByteArray();
        }
        IllegalStateException brokerDown = new IllegalStateException("broker down");
        int[] delivered = {0};
        for (String parallel : List.of("false", "true")) {
            delivered[0] = 0;
            DocumentRun run = new DocumentRun(EpcisConnector.ID, connector.open(ConnectorConfig.of(connector.descriptor(),
                    Map.of(EpcisConnector.PARALLEL_READING, parallel))), ErrorPolicy.ACCEPT_VALID);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> run.deliver(DocumentSource.of(document), CONTEXT, record -> {
                if (++delivered[0] == 10) {
                    throw brokerDown;
                }
            })).isSameAs(brokerDown);
            assertThat(delivered[0]).isEqualTo(10);
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("epcis-reader"));
        }
    }

    @Test
    void aJsonLdContextAfterTheEventsStillNamesTheirExtensionFields() throws Exception {
        String context = "\"@context\": [\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\", {\"ex\": \"https://example.com/ns/\"}]";
        String body = "\"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\", \"creationDate\": \"2025-03-01T07:00:00Z\","
                + "\"epcisBody\": {\"eventList\": [{\"type\": \"ObjectEvent\", \"eventTime\": \"2025-03-01T08:00:00+01:00\","
                + "\"eventTimeZoneOffset\": \"+01:00\", \"epcList\": [\"urn:epc:id:sgtin:4012345.012345.1001\"], \"action\": \"OBSERVE\","
                + "\"ex:temperature\": \"4\"}]}";
        String xml = """
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:ex="https://example.com/ns/" schemaVersion="2.0"
                    creationDate="2025-03-01T07:00:00Z"><EPCISBody><EventList><ObjectEvent>
                  <eventTime>2025-03-01T07:00:00Z</eventTime><eventTimeZoneOffset>+01:00</eventTimeZoneOffset>
                  <epcList><epc>urn:epc:id:sgtin:4012345.012345.1001</epc></epcList><action>OBSERVE</action>
                  <ex:temperature>4.0</ex:temperature>
                </ObjectEvent></EventList></EPCISBody></epcis:EPCISDocument>""";
        List<String> ids = new ArrayList<>();
        for (String document : List.of("{" + context + "," + body + "}", "{" + body + "," + context + "}", xml)) {
            List<CanonicalRecord> out = new ArrayList<>();
            DocumentReport report = run(Map.of("lifecycle-checks", "false"), ErrorPolicy.REJECT_DOCUMENT, document.getBytes(StandardCharsets.UTF_8), out);
            assertThat(report.errors()).isEmpty();
            ids.add(((SerialisationEvent) out.get(0)).sourceEventId());
        }
        assertThat(ids).containsOnly(ids.get(0));
    }

    private static String jsonDocument(String context, String events, String after) {
        return "{" + context + "\"type\": \"EPCISDocument\", \"schemaVersion\": \"2.0\", \"creationDate\": \"2025-03-01T07:00:00Z\","
                + "\"epcisBody\": {\"eventList\": [" + events + "]}" + after + "}";
    }

    private static String objectEvent(String action, String epcs, String more) {
        return "{\"type\": \"ObjectEvent\", \"eventTime\": \"2025-03-01T08:00:00+01:00\", \"eventTimeZoneOffset\": \"+01:00\","
                + "\"epcList\": [" + epcs + "], \"action\": \"" + action + "\"" + more + "}";
    }

    @Test
    void anErrorDeclarationOfACommissioningLetsTheDocumentCommissionItsEpcsAgain() throws Exception {
        String epcs = "\"urn:epc:id:sgtin:4012345.012345.1001\", \"urn:epc:id:sgtin:4012345.012345.1002\"";
        String wrong = objectEvent("ADD", epcs, ", \"ilmd\": {\"cbvmda:lotNumber\": \"L-WRONG\"}");
        // GS1's error declaration repeats the event it retracts: same content, hence the same event id
        String declaration = objectEvent("ADD", epcs, ", \"ilmd\": {\"cbvmda:lotNumber\": \"L-WRONG\"}, \"errorDeclaration\": "
                + "{\"declarationTime\": \"2025-03-01T10:00:00+01:00\", \"reason\": \"incorrect_data\"}");
        String corrected = objectEvent("ADD", epcs, ", \"ilmd\": {\"cbvmda:lotNumber\": \"L-RIGHT\"}");
        String aggregation = "{\"type\": \"AggregationEvent\", \"eventTime\": \"2025-03-01T11:00:00+01:00\", \"eventTimeZoneOffset\": \"+01:00\","
                + "\"parentID\": \"urn:epc:id:sscc:4012345.0000000001\", \"childEPCs\": [" + epcs + "], \"action\": \"ADD\"}";
        String context = "\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],";

        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(Map.of(), ErrorPolicy.REJECT_DOCUMENT,
                jsonDocument(context, String.join(",", wrong, declaration, corrected), "").getBytes(StandardCharsets.UTF_8), out);
        assertThat(report.errors()).isEmpty();
        List<SerialisationEvent> events = out.stream().map(SerialisationEvent.class::cast).toList();
        assertThat(events).extracting(SerialisationEvent::action)
                .containsExactly(SerialisationAction.COMMISSION, SerialisationAction.RETRACT, SerialisationAction.COMMISSION);
        assertThat(events.get(1).sourceEventId()).isEqualTo(events.get(0).sourceEventId());
        assertThat(events.get(2).batchId().value()).isEqualTo("L-RIGHT");

        // without the declaration the second commissioning is one too many
        report = run(Map.of(), ErrorPolicy.REJECT_DOCUMENT, jsonDocument(context, String.join(",", wrong, corrected), "").getBytes(StandardCharsets.UTF_8),
                new ArrayList<>());
        assertThat(report.errors()).extracting(e -> e.reason()).contains("EPC urn:epc:id:sgtin:4012345.012345.1001 is commissioned twice in this document");

        // retracted and not commissioned again: packing them breaks "commission before aggregate"
        report = run(Map.of(), ErrorPolicy.REJECT_DOCUMENT, jsonDocument(context, String.join(",", wrong, declaration, aggregation), "")
                .getBytes(StandardCharsets.UTF_8), new ArrayList<>());
        assertThat(report.errors()).extracting(e -> e.reason()).contains("EPC urn:epc:id:sgtin:4012345.012345.1001 is aggregated but not commissioned "
                + "earlier in this document (commission before aggregate or ship)");

        // a declaration of another event (here: of an upload before this one) takes back nothing this document commissioned
        String otherDeclaration = objectEvent("ADD", epcs, ", \"ilmd\": {\"cbvmda:lotNumber\": \"L-OLD\"}, \"errorDeclaration\": "
                + "{\"declarationTime\": \"2025-03-01T10:00:00+01:00\"}");
        report = run(Map.of(), ErrorPolicy.REJECT_DOCUMENT, jsonDocument(context, String.join(",", wrong, otherDeclaration, corrected), "")
                .getBytes(StandardCharsets.UTF_8), new ArrayList<>());
        assertThat(report.errors()).extracting(e -> e.reason()).contains("EPC urn:epc:id:sgtin:4012345.012345.1001 is commissioned twice in this document");
    }

    /** The same with lists long enough to go to the spool file, under both error policies. */
    @Test
    void anErrorDeclarationOfASpooledCommissioningUnderEitherPolicyLetsItsEpcsBeCommissionedAgain() throws Exception {
        String epcs = java.util.stream.IntStream.range(0, 25_000).mapToObj(i -> "\"urn:epc:id:sgtin:4012345.012345.S" + i + "\"")
                .collect(Collectors.joining(","));
        String wrong = objectEvent("ADD", epcs, ", \"bizStep\": \"commissioning\"");
        String declaration = objectEvent("ADD", epcs, ", \"bizStep\": \"commissioning\", \"errorDeclaration\": "
                + "{\"declarationTime\": \"2025-03-01T10:00:00+01:00\"}");
        String corrected = objectEvent("ADD", epcs, ", \"bizStep\": \"urn:epcglobal:cbv:bizstep:commissioning\", \"readPoint\": "
                + "{\"id\": \"urn:epc:id:sgln:4012345.00001.0\"}");
        for (ErrorPolicy policy : List.of(ErrorPolicy.REJECT_DOCUMENT, ErrorPolicy.ACCEPT_VALID)) {
            List<CanonicalRecord> out = new ArrayList<>();
            DocumentReport report = run(Map.of(), policy, jsonDocument("", String.join(",", wrong, declaration, corrected), "")
                    .getBytes(StandardCharsets.UTF_8), out);
            assertThat(report.errors()).as(policy.name()).isEmpty();
            assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
            // 25,000 EPCs in chunks of 10,000: three records per event
            List<SerialisationAction> expected = new ArrayList<>(java.util.Collections.nCopies(3, SerialisationAction.COMMISSION));
            expected.addAll(java.util.Collections.nCopies(3, SerialisationAction.RETRACT));
            expected.addAll(java.util.Collections.nCopies(3, SerialisationAction.COMMISSION));
            assertThat(out).extracting(r -> ((SerialisationEvent) r).action()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aCommissionedGraiIsFoundAgainAsAnAggregationParent() throws Exception {
        String grai = "\"urn:epc:id:grai:4012345.00001.7001\"";
        String aggregation = "{\"type\": \"AggregationEvent\", \"eventTime\": \"2025-03-01T09:00:00+01:00\", \"eventTimeZoneOffset\": \"+01:00\","
                + "\"parentID\": " + grai + ", \"childEPCs\": [\"urn:epc:id:sgtin:4012345.012345.1001\"], \"action\": \"ADD\"}";
        String document = jsonDocument("", objectEvent("ADD", grai + ", \"urn:epc:id:sgtin:4012345.012345.1001\"", "") + "," + aggregation, "");
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(Map.of(), ErrorPolicy.REJECT_DOCUMENT, document.getBytes(StandardCharsets.UTF_8), out);
        assertThat(report.errors()).isEmpty();
        assertThat(out).hasSize(2);
    }

    @Test
    void aQuantityBeyondBigDecimalsRangeNeitherFailsTheDocumentNorDependsOnWhichThreadHashedIt() throws Exception {
        String quantity = ", \"quantityList\": [{\"epcClass\": \"urn:epc:class:lgtin:4012345.012345.L1\", \"quantity\": \"1e9999999999\"}]";
        String document = jsonDocument("", objectEvent("OBSERVE", "", quantity), "");
        List<String> ids = new ArrayList<>();
        for (int prepareFrom : List.of(EventPipeline.prepareFrom, 0)) {
            int normally = EventPipeline.prepareFrom;
            EventPipeline.prepareFrom = prepareFrom;
            try {
                List<CanonicalRecord> out = new ArrayList<>();
                DocumentReport report = run(Map.of(), ErrorPolicy.REJECT_DOCUMENT, document.getBytes(StandardCharsets.UTF_8), out);
                assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
                ids.add(((SerialisationEvent) out.get(0)).sourceEventId());
            } finally {
                EventPipeline.prepareFrom = normally;
            }
        }
        assertThat(ids).hasSize(2).containsOnly(ids.get(0));
    }

    @Test
    void epcErrorsOfSeveralListsComeInDocumentOrderWhenTheirListsTie() throws Exception {
        String transformation = "{\"type\": \"TransformationEvent\", \"eventTime\": \"2025-03-01T09:00:00+01:00\", \"eventTimeZoneOffset\": \"+01:00\","
                + "\"outputEPCList\": [\"urn:epc:id:sgtin:4012345.12345.A1\"], \"inputEPCList\": [\"urn:epc:id:sgtin:4012345.1234.B1\"]}";
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(Map.of("lifecycle-checks", "false"), ErrorPolicy.REJECT_DOCUMENT,
                jsonDocument("", transformation, "").getBytes(StandardCharsets.UTF_8), out);
        assertThat(report.errors()).extracting(e -> e.field()).containsExactly("outputEPCList", "inputEPCList");
    }

    @Test
    void anEpcListedTwiceIsFoundInAListInOrderOutOfOrderOrAcrossLists() throws Exception {
        String sgtin = "\"urn:epc:id:sgtin:4012345.012345.%d\"";
        String transformation = "{\"type\": \"TransformationEvent\", \"eventTime\": \"2025-03-01T09:00:00+01:00\", \"eventTimeZoneOffset\": \"+01:00\","
                + "\"inputEPCList\": [" + sgtin.formatted(1001) + "], \"outputEPCList\": [" + sgtin.formatted(2001) + ", " + sgtin.formatted(1001) + "]}";
        Map<String, String> cases = Map.of(
                "in order", objectEvent("ADD", String.join(",", sgtin.formatted(1001), sgtin.formatted(1002), sgtin.formatted(1002)), ""),
                "out of order", objectEvent("ADD", String.join(",", sgtin.formatted(1002), sgtin.formatted(1001), sgtin.formatted(1002)), ""),
                "across lists", objectEvent("ADD", sgtin.formatted(1001), "") + "," + transformation);
        cases.forEach((name, events) -> {
            List<CanonicalRecord> out = new ArrayList<>();
            try {
                DocumentReport report = run(Map.of(), ErrorPolicy.REJECT_DOCUMENT, jsonDocument("", events, "").getBytes(StandardCharsets.UTF_8), out);
                assertThat(report.errors()).as(name).extracting(e -> e.reason())
                        .containsExactly("EPC urn:epc:id:sgtin:4012345.012345." + (name.equals("across lists") ? 1001 : 1002) + " is listed twice in this event");
            } catch (Exception e) {
                throw new AssertionError(name, e);
            }
        });
    }

    @Test
    void aContextTooLateForTheStreamingReadFailsTheDocumentInsteadOfChangingIds() throws Exception {
        String context = "\"@context\": [\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\", {\"ex\": \"https://example.com/ns/\"}]";
        String padding = ", \"padding\": [" + String.join(",", java.util.Collections.nCopies(5_000, "\"" + "x".repeat(1_000) + "\"")) + "], ";
        String events = objectEvent("OBSERVE", "\"urn:epc:id:sgtin:4012345.012345.1001\"", ", \"ex:temperature\": \"4\"");
        for (boolean parallel : List.of(false, true)) {
            List<CanonicalRecord> out = new ArrayList<>();
            DocumentReport report = run(Map.of(EpcisConnector.PARALLEL_READING, String.valueOf(parallel), "lifecycle-checks", "false"),
                    ErrorPolicy.REJECT_DOCUMENT, jsonDocument("", events, padding + context).getBytes(StandardCharsets.UTF_8), out);
            assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
            assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("@context comes after events"));
        }
    }

    @Test
    void errorsInLongQuantityListsAreCountedNotListedOneByOne() throws Exception {
        String quantities = String.join(",", java.util.Collections.nCopies(1_000,
                "{\"epcClass\": \"urn:epc:class:lgtin:4012345.012345.L1\", \"quantity\": \"many\"}"));
        String document = jsonDocument("", objectEvent("OBSERVE", "", ", \"quantityList\": [" + quantities + "], \"{abc\": \"odd key\""), "");
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = run(Map.of(), ErrorPolicy.ACCEPT_VALID, document.getBytes(StandardCharsets.UTF_8), out);
        assertThat(report.errors()).hasSize(21);
        assertThat(report.errors().get(20).reason()).isEqualTo("980 more quantity or sensor errors in this event are not listed");
    }

    @Test
    void aLargeEventIsSplitIntoNumberedChunksThroughTheSpoolFile() throws Exception {
        EpcisDocumentGenerator generator = new EpcisDocumentGenerator(EpcisDocumentGenerator.Syntax.XML_2_0, 25, 25, 25, 1);
        String document = generator.head() + generator.event(0) + generator.tail();
        List<CanonicalRecord> out = new ArrayList<>();
        // 25 EPCs in chunks of 4: 7 chunks; all but the first 8 EPCs go through the temporary file
        EpcisSettings settings = new EpcisSettings(4, true, 1000, EpcisSettings.SensorDataHandling.HASH_ONLY, null, 8);
        DocumentReport report = new DocumentRun(EpcisConnector.ID, new EpcisDocumentParser(settings, true), ErrorPolicy.REJECT_DOCUMENT)
                .deliver(DocumentSource.of(document.getBytes(StandardCharsets.UTF_8)), CONTEXT, out::add);
        assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(report.sourceEvents()).isEqualTo(1);
        assertThat(out).hasSize(7);
        List<SerialisationEvent> events = out.stream().map(r -> (SerialisationEvent) r).toList();
        assertThat(events).extracting(e -> e.chunk().index()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(events).allSatisfy(e -> assertThat(e.chunk().count()).isEqualTo(7));
        assertThat(events).extracting(e -> e.epcs().size()).containsExactly(4, 4, 4, 4, 4, 4, 1);
        assertThat(events).extracting(SerialisationEvent::sourceEventId).containsOnly(events.get(0).sourceEventId());
        Set<String> epcs = events.stream().flatMap(e -> e.epcs().stream()).collect(Collectors.toSet());
        assertThat(epcs).hasSize(25).contains("urn:epc:id:sgtin:4012345.012345.10000000000", "urn:epc:id:sgtin:4012345.012345.10000000024");
        assertThat(events.get(0).action()).isEqualTo(SerialisationAction.COMMISSION);
        assertThat(events.get(0).batchId().value()).isEqualTo("B000001");
        assertThat(events.get(0).expiry().printed()).isEqualTo("270630");
        assertThat(events.get(0).product().value()).isEqualTo("04012345123456");
    }
}
