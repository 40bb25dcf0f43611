package io.cmohub.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A manufacturing or packaging site as the partner registry knows it: 1-64 characters of A-Z, a-z, 0-9, '.', '_' and '-'. */
public record SiteId(String value) {
    public SiteId {
        LocalIds.require("site id", value);
    }

    @JsonCreator
    public static SiteId of(String value) {
        return new SiteId(value);
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
