package io.cmohub.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.cmohub.model.EntityType;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The published schemas of canonical model v1, loaded from this jar, and validation against them.
 * Sponsor systems can take the same files from {@code schemas/v1/} in the jar or the repository:
 * {@code canonical.schema.json}, {@code cloudevent.schema.json} and {@code canonical.xsd}.
 */
public final class CanonicalSchemas {
    public static final String BASE_URI = "https://cmohub.io/schemas/v1/";
    public static final String RESOURCE_DIR = "schemas/v1/";
    public static final String JSON_SCHEMA = "canonical.schema.json";
    public static final String CLOUDEVENT_SCHEMA = "cloudevent.schema.json";
    public static final String XSD = "canonical.xsd";

    private static final CanonicalSchemas INSTANCE = new CanonicalSchemas();

    private final Map<EntityType, JsonSchema> entitySchemas = new EnumMap<>(EntityType.class);
    private final JsonSchema cloudEventSchema;
    private final Schema xsd;

    private CanonicalSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE_URI, "classpath:" + RESOURCE_DIR)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (EntityType type : EntityType.values()) {
            entitySchemas.put(type, factory.getSchema(SchemaLocation.of(BASE_URI + JSON_SCHEMA + "#/$defs/" + type.schemaName()), config));
        }
        cloudEventSchema = factory.getSchema(SchemaLocation.of(BASE_URI + CLOUDEVENT_SCHEMA), config);
        xsd = loadXsd();
    }

    public static CanonicalSchemas get() {
        return INSTANCE;
    }

    /** Validates the JSON of one record against its entity's definition; returns the violations, empty when valid. */
    public List<String> validateJson(EntityType type, JsonNode data) {
        return messages(entitySchemas.get(type).validate(data));
    }

    /** Validates a whole CloudEvent (envelope and data) against {@code cloudevent.schema.json}. */
    public List<String> validateCloudEvent(JsonNode event) {
        return messages(cloudEventSchema.validate(event));
    }

    /** Validates an XML document holding one canonical entity against {@code canonical.xsd}. */
    public List<String> validateXml(String xml) {
        List<String> errors = new ArrayList<>();
        Validator validator = xsd.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    private static List<String> messages(java.util.Set<ValidationMessage> violations) {
        return violations.stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
                .toList();
    }

    private static Schema loadXsd() {
        URL location = CanonicalSchemas.class.getClassLoader().getResource(RESOURCE_DIR + XSD);
        if (location == null) {
            throw new IllegalStateException(RESOURCE_DIR + XSD + " is missing from the classpath");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(location);
        } catch (SAXException e) {
            throw new IllegalStateException("canonical.xsd does not compile: " + e.getMessage(), e);
        }
    }
}
