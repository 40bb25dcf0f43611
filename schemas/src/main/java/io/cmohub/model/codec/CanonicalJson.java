package io.cmohub.model.codec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cmohub.model.PackState;
import io.cmohub.model.PackStateFinding;

/**
 * The JSON mappers of the canonical model. Reading is strict (unknown properties, numbers in
 * strings, fractional counts are errors) because a lenient reader would hide a broken CMO mapping;
 * writing leaves out absent values and empty lists. All parsing is bounded by {@link CodecLimits}.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = create(CodecLimits.DEFAULT);
    private static final ObjectMapper HASHING = createHashing();

    private CanonicalJson() {
    }

    /** The shared mapper with default limits; thread-safe. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The mapper that writes the content a CloudEvent id is derived from: properties sorted, nulls and
     * empty lists left out, so adding an optional field to the model later does not change the ids of
     * records that do not use it.
     */
    public static ObjectMapper hashingMapper() {
        return HASHING;
    }

    public static ObjectMapper create(CodecLimits limits) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints(limits)).build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // trees must keep 0.50 as 0.50: a QC limit's scale is part of the record
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .serializationInclusion(JsonInclude.Include.NON_EMPTY)
                .build();
    }

    public static StreamReadConstraints constraints(CodecLimits limits) {
        return StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxNameLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxDocumentLength(limits.maxDocumentBytes())
                .build();
    }

    private static ObjectMapper createHashing() {
        return create(CodecLimits.DEFAULT).copy()
                .addMixIn(PackState.class, AnsweredAgain.class)
                .addMixIn(PackStateFinding.class, FoundAgain.class)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    }

    /**
     * The Hub's answer time is when the record arrived, not what it says: asking the same pack twice
     * with the same answer must give one event. A state that returns has a new stateChangedAt.
     */
    @JsonIgnoreProperties("reportedAt")
    private abstract static class AnsweredAgain {
    }

    /** A disagreement found again by the next sweep is the same finding, not a new one each day. */
    @JsonIgnoreProperties({"detectedAt", "queryId"})
    private abstract static class FoundAgain {
    }
}
