package io.cmohub.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A pack's serial number, GS1 AI (21): 1 to 20 characters of GS1 character set 82 (Delegated Regulation 2016/161 art. 4). */
public record SerialNumber(String value) {
    public static final int MAX_LENGTH = 20;

    public SerialNumber {
        Gs1CharacterSet.require("serial number", value, MAX_LENGTH);
    }

    @JsonCreator
    public static SerialNumber of(String value) {
        return new SerialNumber(value);
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
