package io.cmohub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.codec.CanonicalXml;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.event.CanonicalEventReader;
import io.cmohub.model.schema.CanonicalSchemas;
import io.cmohub.model.value.InvalidValueException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Proves that the Java model, the published JSON Schema and the published XSD describe the same
 * thing: every instance validates against both schemas and survives both round-trips unchanged,
 * and the schemas' property lists and required sets equal the records' components.
 */
class SchemaConformanceTest {
    private static final CanonicalSchemas SCHEMAS = CanonicalSchemas.get();

    static Stream<Arguments> records() {
        List<Arguments> all = new ArrayList<>();
        CanonicalFixtures.full().forEach(r -> all.add(Arguments.of("full " + r.entityType().wireName(), r)));
        CanonicalFixtures.minimal().forEach(r -> all.add(Arguments.of("minimal " + r.entityType().wireName(), r)));
        return all.stream();
    }

    @Test
    void fixturesCoverEveryEntity() {
        assertThat(CanonicalFixtures.full().stream().map(CanonicalRecord::entityType)).containsExactlyInAnyOrder(EntityType.values());
        assertThat(CanonicalFixtures.minimal().stream().map(CanonicalRecord::entityType)).containsExactlyInAnyOrder(EntityType.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void jsonValidatesAndRoundTripsLosslessly(String name, CanonicalRecord record) throws Exception {
        String json = CanonicalJson.mapper().writeValueAsString(record);
        JsonNode tree = CanonicalJson.mapper().readTree(json);

        assertThat(SCHEMAS.validateJson(record.entityType(), tree)).as(json).isEmpty();
        assertThat(CanonicalJson.mapper().readValue(json, record.getClass())).isEqualTo(record);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void xmlValidatesAndRoundTripsLosslessly(String name, CanonicalRecord record) throws Exception {
        String xml = CanonicalXml.write(record);

        assertThat(SCHEMAS.validateXml(xml)).as(xml).isEmpty();
        assertThat(CanonicalXml.read(xml, record.getClass())).isEqualTo(record);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void cloudEventValidatesAndReadsBack(String name, CanonicalRecord record) throws Exception {
        CanonicalEvent event = CanonicalEvent.of(record, CanonicalEvent.partnerSource("acme-cmo"), "acme-cmo", Instant.parse("2025-01-01T00:00:00Z"));
        JsonNode tree = CanonicalJson.mapper().valueToTree(event);

        assertThat(SCHEMAS.validateCloudEvent(tree)).as(tree.toString()).isEmpty();
        assertThat(tree.get("type").asText()).isEqualTo(record.entityType().eventType());
        assertThat(new CanonicalEventReader().read(tree)).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void jsonSchemaPropertiesAreTheRecordComponents(EntityType type) {
        JsonNode definition = jsonDefinition(type.schemaName());
        List<String> properties = new ArrayList<>();
        definition.get("properties").fieldNames().forEachRemaining(properties::add);

        assertThat(properties).containsExactlyElementsOf(componentNames(type.javaType()));
        assertThat(definition.get("additionalProperties").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void xsdElementsAreTheRecordComponents(EntityType type) throws Exception {
        assertThat(xsdElements(type.schemaName())).containsExactlyElementsOf(xmlNames(type.javaType()));
    }

    /**
     * The minimal fixture sets exactly the required components. The schema's required list must be
     * that set, and the Java type must refuse each of them when missing.
     */
    @Test
    void requiredComponentsAgreeBetweenJavaAndSchemas() throws Exception {
        for (CanonicalRecord minimal : CanonicalFixtures.minimal()) {
            Class<?> type = minimal.getClass();
            Set<String> setInMinimal = new LinkedHashSet<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Object value = component.getAccessor().invoke(minimal);
                if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                    setInMinimal.add(component.getName());
                }
            }
            List<String> schemaRequired = new ArrayList<>();
            jsonDefinition(type.getSimpleName()).get("required").forEach(n -> schemaRequired.add(n.asText()));
            // QcResult needs one of two result fields; the schema says so with anyOf, not in "required".
            Set<String> expected = new LinkedHashSet<>(setInMinimal);
            if (type == QcResult.class) {
                expected.remove("textResult");
            }
            assertThat(schemaRequired).as(type.getSimpleName()).containsExactlyInAnyOrderElementsOf(expected);

            for (String required : schemaRequired) {
                assertThatThrownBy(() -> copyWithout(minimal, required))
                        .as(type.getSimpleName() + "." + required)
                        .isInstanceOf(InvalidValueException.class);
            }
        }
    }

    private static Object copyWithout(CanonicalRecord record, String component) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = components[i].getName().equals(component) ? null : components[i].getAccessor().invoke(record);
        }
        Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static List<String> componentNames(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> xmlNames(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> {
            JacksonXmlProperty xml = c.getAccessor().getAnnotation(JacksonXmlProperty.class);
            return xml != null ? xml.localName() : c.getName();
        }).toList();
    }

    private static JsonNode jsonDefinition(String name) {
        try (InputStream in = CanonicalSchemas.class.getClassLoader().getResourceAsStream("schemas/v1/canonical.schema.json")) {
            return CanonicalJson.mapper().readTree(in).get("$defs").get(name);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> xsdElements(String complexType) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = CanonicalSchemas.class.getClassLoader().getResourceAsStream("schemas/v1/canonical.xsd")) {
            NodeList types = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "complexType");
            for (int i = 0; i < types.getLength(); i++) {
                Element type = (Element) types.item(i);
                if (type.getAttribute("name").equals(complexType)) {
                    NodeList elements = type.getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "element");
                    List<String> names = new ArrayList<>();
                    for (int j = 0; j < elements.getLength(); j++) {
                        names.add(((Element) elements.item(j)).getAttribute("name"));
                    }
                    return names;
                }
            }
        }
        throw new AssertionError("no complexType " + complexType + " in canonical.xsd");
    }

    @Test
    void schemaRejectsWhatTheModelRejectsStructurally() throws Exception {
        JsonNode bad = CanonicalJson.mapper().readTree("""
                {"product":"05012345678900","batchId":"B1","status":"SHIPPED","partner":"acme-cmo","colour":"red"}""");
        assertThat(SCHEMAS.validateJson(EntityType.BATCH, bad))
                .anySatisfy(m -> assertThat(m).contains("status"))
                .anySatisfy(m -> assertThat(m).contains("colour"));
        assertThat(SCHEMAS.validateXml("<batch xmlns=\"" + CanonicalXml.NAMESPACE + "\"><product>1</product></batch>")).isNotEmpty();
        assertThat(URI.create(CanonicalEvent.SCHEMA_BASE + "Batch").getFragment()).isEqualTo("/$defs/Batch");
    }
}
