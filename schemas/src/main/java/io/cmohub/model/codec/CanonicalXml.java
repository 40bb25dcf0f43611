package io.cmohub.model.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cmohub.model.CanonicalRecord;
import java.io.IOException;

/**
 * XML form of the canonical model, matching {@code schemas/v1/canonical.xsd}: one root element per
 * entity in the {@link #NAMESPACE} namespace, child elements named like the JSON properties,
 * repeated elements (singular names) for lists. Reading is hardened like every XML input.
 */
public final class CanonicalXml {
    public static final String NAMESPACE = "https://cmohub.io/schemas/v1/canonical";

    private static final XmlMapper MAPPER = create(CodecLimits.DEFAULT);

    private CanonicalXml() {
    }

    public static XmlMapper mapper() {
        return MAPPER;
    }

    public static XmlMapper create(CodecLimits limits) {
        XmlFactory factory = XmlFactory.builder()
                .xmlInputFactory(HardenedXml.inputFactory(limits))
                .xmlOutputFactory(HardenedXml.outputFactory())
                .build();
        XmlMapper mapper = XmlMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .defaultUseWrapper(false)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .serializationInclusion(JsonInclude.Include.NON_EMPTY)
                .build();
        return mapper;
    }

    /** The root element name of an entity, e.g. {@code packagingRun}. */
    public static String rootElement(Class<? extends CanonicalRecord> type) {
        String simple = type.getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    public static String write(CanonicalRecord record) {
        try {
            return MAPPER.writer()
                    .withRootName(PropertyName.construct(rootElement(record.getClass()), NAMESPACE))
                    .writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a canonical record could not be written as XML", e);
        }
    }

    public static <T extends CanonicalRecord> T read(String xml, Class<T> type) throws IOException {
        return MAPPER.readValue(xml, type);
    }
}
