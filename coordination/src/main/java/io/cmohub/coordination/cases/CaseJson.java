package io.cmohub.coordination.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmohub.model.codec.CanonicalJson;

/** The JSON form in which the case tables keep alerts, reconciliations and evidence items: the canonical codec's. */
final class CaseJson {
    static final ObjectMapper MAPPER = CanonicalJson.mapper();

    private CaseJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
