package io.cmohub.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A packaging line within a site: 1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-'. */
public record LineId(String value) {
    public LineId {
        LocalIds.require("line id", value);
    }

    @JsonCreator
    public static LineId of(String value) {
        return new LineId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
