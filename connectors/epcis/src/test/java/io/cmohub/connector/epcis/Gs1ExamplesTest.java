package io.cmohub.connector.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.connector.ErrorPolicy;
import io.cmohub.connector.testkit.ExternalTestData;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.SerialisationAction;
import io.cmohub.model.SerialisationEvent;
import io.cmohub.model.codec.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * GS1's own EPCIS examples (gs1/EPCIS, used in place from shared/testdata/external; skipped where
 * absent). The lifecycle checks are off: the examples are unrelated fragments, not self-contained
 * packaging runs.
 */
class Gs1ExamplesTest {
    private static final String ROOT = "gs1-epcis";
    private static final Map<String, String> NO_LIFECYCLE = Map.of(EpcisConnector.LIFECYCLE_CHECKS, "false");
    private static final Set<String> EVENT_TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent",
            "AssociationEvent", "QuantityEvent");

    @TestFactory
    Stream<DynamicTest> everyCaptureAndQueryDocumentIsAcceptedWithOneSourceEventPerEvent() throws Exception {
        Path root = ExternalTestData.require(ROOT);
        List<Path> documents;
        try (Stream<Path> files = Stream.of("XML", "JSON", "XSL/1.2/XML").flatMap(dir -> walk(root.resolve(dir)))) {
            documents = files.filter(f -> f.toString().matches(".*\\.(xml|jsonld|json)$")).sorted().toList();
        }
        assertThat(documents).hasSizeGreaterThan(80);
        return documents.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
            String kind = rootKind(file);
            List<CanonicalRecord> out = new ArrayList<>();
            DocumentReport report = EpcisConnectorTest.run(NO_LIFECYCLE, ErrorPolicy.REJECT_DOCUMENT, file, out);
            switch (kind) {
                case "EPCISCaptureJob" -> {
                    assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
                    assertThat(report.errors().get(0).reason()).contains("not an EPCIS document");
                }
                case "master-data" -> {
                    assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
                    assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("master data"));
                }
                default -> {
                    long events = countEvents(file);
                    assertThat(events).as("events counted independently").isPositive();
                    assertThat(report.errors()).as("errors").isEmpty();
                    assertThat(report.status()).isEqualTo(DocumentStatus.ACCEPTED);
                    assertThat(report.sourceEvents()).isEqualTo(events);
                    // one identity per event: an error declaration has its event's id (GS1 leaves the declaration out) and RETRACT
                    assertThat(out.stream().map(r -> ((SerialisationEvent) r).sourceEventId() + (((SerialisationEvent) r).action() == SerialisationAction.RETRACT ? " retract" : "")).distinct())
                            .hasSize((int) events);
                }
            }
        }));
    }

    /** Documents whose events are the same events in another syntax, EPCIS version or document type. */
    @Test
    void theSameEventsInXmlJsonLdAndEpcis12HaveTheSameIds() throws Exception {
        sameEvents("XML/Example_9.6.1-ObjectEvent-2020_06_18a.xml", "JSON/Example_9.6.1-ObjectEvent.jsonld", "XML/Mimasu/Example1.xml",
                "JSON/EPCISQueryDocument.jsonld", "JSON/Example_9.6.1-ObjectEvent-with-pseudo-SBDH-headers.jsonld");
        sameEvents("XML/Mimasu/Example3.xml", "JSON/Example_9.6.3-AggregationEvent.jsonld", "XSL/1.2/XML/AggregationEvent.xml");
        sameEvents("XML/Mimasu/Example4.xml", "JSON/Example_9.6.4-TransformationEvent.jsonld", "XSL/1.2/XML/TransformationEvent.xml",
                "JSON/WithDigitalLinkID/Example_9.6.4-TransformationEventWithDigitalLink.jsonld");
        // The JSON-LD TransactionEvents put their @context after the events (read by the look-ahead). Their second
        // event is not quite the XML's: the XML has an empty <rail:vehicleMasterGIAI/> where the JSON-LD has none,
        // and CBV 2.0 hashes an empty extension element by its name. The first event is the same in all three.
        assertThat(intersection("JSON/Example-TransactionEvents-2020_07_03y.jsonld", "XML/Example-TransactionEvent-2020_07_03y.xml")).hasSize(1);
        // GS1's 1.2 transform declares the rail namespace as "urn:gs1:epcisapp:rail", the 2.0 document as
        // "urn:gs1:epcisapp:rail:": CBV 2.0 hashes extension fields by namespace as written, so again only the
        // first event (without rail fields) is the same
        assertThat(intersection("XSL/1.2/XML/TransactionEvent.xml", "XML/Example-TransactionEvent-2020_07_03y.xml")).hasSize(1);
        // single-event JSON-LD files against the XML document that gathers them
        for (String letter : List.of("a", "b", "c", "d", "e", "f", "h")) {
            contained("JSON/AssociationEvent/AssociationEvent-" + letter + ".jsonld", "XML/AssociationEvent/AssociationEventExamples.xml");
        }
        for (String n : List.of("1", "2", "3", "5")) {
            contained("JSON/WithSensorData/SensorDataExample" + n + ".jsonld", "XML/WithSensorData/SensorDataExamples.xml");
        }
        // EPCIS 1.2 (extension-wrapped) against 2.0: the first events are the same
        assertThat(ids("XSL/1.2/XML/ObjectEvent.xml")).containsAnyElementsOf(ids("XML/Example_9.6.1-ObjectEvent-2020_06_18a.xml"));
        // 8 events, of which one is the error declaration of another: 7 ids
        assertThat(ids("XSL/1.2/XML/AssociationEvent.xml")).hasSize(7);
        assertThat(intersection("XSL/1.2/XML/AssociationEvent.xml", "XML/AssociationEvent/AssociationEventExamples.xml")).hasSizeGreaterThanOrEqualTo(6);
    }

    /**
     * GS1's test set: one event reordered, with another prefix, typed differently, and in JSON-LD: one
     * id. Notation 2 also writes eventTimeZoneOffset as -05:00 instead of -06:00, and CBV 2.0's event
     * hash includes eventTimeZoneOffset as written (GS1's reference and OpenEPCIS agree), so its id differs.
     */
    @Test
    void theEventHashIdExamplesGetOneIdExceptWhereTheZoneOffsetItselfDiffers() throws Exception {
        Set<String> ids = new TreeSet<>();
        for (String n : List.of("1.xml", "3.xml", "4.xml", "5.xml", "6.xml", "7.json")) {
            ids.addAll(ids("XML/WithEventHashID/event_with_identical_hash_id_" + n));
        }
        assertThat(ids).singleElement().asString().matches("ni:///sha-256;[0-9a-f]{64}\\?ver=" + Gs1EventHash.VERSION);
        assertThat(ids("XML/WithEventHashID/event_with_identical_hash_id_2.xml")).singleElement().isNotIn(ids);
    }

    /** The AssociationEvent examples end with an error declaration of their fourth event, and a corrected event. */
    @Test
    void anErrorDeclarationRetractsTheEventItRepeats() throws Exception {
        Path file = ExternalTestData.require(ROOT).resolve("XML/AssociationEvent/AssociationEventExamples.xml");
        List<CanonicalRecord> out = new ArrayList<>();
        EpcisConnectorTest.run(NO_LIFECYCLE, ErrorPolicy.REJECT_DOCUMENT, file, out);
        List<SerialisationEvent> events = out.stream().map(SerialisationEvent.class::cast).toList();
        SerialisationEvent retraction = events.stream().filter(e -> e.action() == SerialisationAction.RETRACT).findFirst().orElseThrow();
        assertThat(events.indexOf(retraction)).isEqualTo(6);
        assertThat(events.get(3).sourceEventId()).isEqualTo(retraction.sourceEventId());
        assertThat(events.get(3).action()).isEqualTo(SerialisationAction.DISAGGREGATE);
        assertThat(events.stream().filter(e -> e.action() == SerialisationAction.RETRACT)).hasSize(1);
    }

    @Test
    void aDigitalLinkWithAWrongGtinCheckDigitIsRejectedSayingCheckDigit() throws Exception {
        Path file = ExternalTestData.require(ROOT).resolve("JSON/WithDigitalLinkID/Example_9.6.1-ObjectEventWithDigitalLink.jsonld");
        String original = Files.readString(file);
        assertThat(EpcisConnectorTest.run(NO_LIFECYCLE, ErrorPolicy.REJECT_DOCUMENT, original.getBytes(StandardCharsets.UTF_8), new ArrayList<>())
                .status()).isEqualTo(DocumentStatus.ACCEPTED);
        java.util.regex.Matcher gtin = java.util.regex.Pattern.compile("/01/(\\d{13})(\\d)").matcher(original);
        assertThat(gtin.find()).isTrue();
        char wrong = (char) ('0' + (gtin.group(2).charAt(0) - '0' + 1) % 10);
        String broken = original.substring(0, gtin.start(2)) + wrong + original.substring(gtin.end(2));
        DocumentReport report = EpcisConnectorTest.run(NO_LIFECYCLE, ErrorPolicy.REJECT_DOCUMENT, broken.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
        assertThat(report.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(report.errors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.reason()).contains("check digit").contains(gtin.group(1) + wrong);
            assertThat(e.location()).startsWith("event ");
        });
    }

    private static void sameEvents(String... files) throws Exception {
        Set<String> first = ids(files[0]);
        for (String other : files) {
            assertThat(ids(other)).as(other + " vs " + files[0]).isEqualTo(first);
        }
    }

    private static void contained(String part, String whole) throws Exception {
        assertThat(ids(whole)).as(part + " in " + whole).containsAll(ids(part));
    }

    private static Set<String> intersection(String a, String b) throws Exception {
        Set<String> both = new TreeSet<>(ids(a));
        both.retainAll(ids(b));
        return both;
    }

    private static Set<String> ids(String relative) throws Exception {
        Path file = ExternalTestData.require(ROOT).resolve(relative);
        List<CanonicalRecord> out = new ArrayList<>();
        DocumentReport report = EpcisConnectorTest.run(NO_LIFECYCLE, ErrorPolicy.REJECT_DOCUMENT, file, out);
        assertThat(report.status()).as(relative + ": " + report.errors()).isEqualTo(DocumentStatus.ACCEPTED);
        return ids(out);
    }

    private static Set<String> ids(List<CanonicalRecord> records) {
        return records.stream().map(r -> ((SerialisationEvent) r).sourceEventId()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).filter(Files::isRegularFile).toList().stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String rootKind(Path file) throws Exception {
        if (!file.toString().endsWith(".xml")) {
            JsonNode doc = CanonicalJson.mapper().readTree(file.toFile());
            return doc.path("type").asText();
        }
        Element root = dom(file).getDocumentElement();
        boolean vocabulary = root.getElementsByTagNameNS("*", "VocabularyElement").getLength() > 0;
        if (root.getLocalName().equals("EPCISMasterDataDocument") || vocabulary && countEvents(file) == 0) {
            return "master-data";
        }
        return root.getLocalName();
    }

    /** Counted without the connector: JSON eventList entries; XML event elements under EventList (through 1.2 extension wrappers). */
    private static long countEvents(Path file) throws Exception {
        if (!file.toString().endsWith(".xml")) {
            JsonNode body = CanonicalJson.mapper().readTree(file.toFile()).path("epcisBody");
            JsonNode list = body.has("eventList") ? body.get("eventList") : body.path("queryResults").path("resultsBody").path("eventList");
            return list.size();
        }
        long count = 0;
        var all = dom(file).getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (EVENT_TYPES.contains(e.getLocalName())) {
                Node parent = e.getParentNode();
                while (parent != null && "extension".equals(parent.getLocalName())) {
                    parent = parent.getParentNode();
                }
                if (parent != null && "EventList".equals(parent.getLocalName())) {
                    count++;
                }
            }
        }
        return count;
    }

    private static org.w3c.dom.Document dom(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setExpandEntityReferences(false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
