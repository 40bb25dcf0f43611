package io.cmohub.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cmohub.model.value.InvalidValueException;
import java.util.Optional;
import java.util.Set;

/**
 * The alert code as the EU Hub or alert system sent it. The six Level-5 codes forwarded since Hub
 * R1.8 are known; any other code (a future one, the pre-R1.8 A99, a national variant) is kept as
 * sent and routed like the rest, never dropped and never coerced.
 */
public record AlertCode(String value) {
    /** Level-5 alert codes the EU Hub forwards to OBPs (domain-emvs §3.2). */
    public static final Set<String> KNOWN = Set.of("A2", "A3", "A7", "A24", "A52", "A68");

    public static final AlertCode A2 = new AlertCode("A2");
    public static final AlertCode A3 = new AlertCode("A3");
    public static final AlertCode A7 = new AlertCode("A7");
    public static final AlertCode A24 = new AlertCode("A24");
    public static final AlertCode A52 = new AlertCode("A52");
    public static final AlertCode A68 = new AlertCode("A68");

    public AlertCode {
        if (value == null || !value.matches("[A-Za-z0-9_.-]{1,32}")) {
            throw new InvalidValueException("alert code '" + value + "' must be 1-32 characters of A-Z, a-z, 0-9, '_', '.' and '-'");
        }
    }

    @JsonCreator
    public static AlertCode of(String value) {
        return new AlertCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    public boolean known() {
        return KNOWN.contains(value);
    }

    /** The known code, or empty for a code this version of the model does not know. */
    public Optional<String> knownCode() {
        return known() ? Optional.of(value) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
