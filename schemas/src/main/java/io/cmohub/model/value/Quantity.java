package io.cmohub.model.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * An amount with its unit (UN/CEFACT Rec 20 code or a plain unit such as "packs"). The decimal is
 * kept exactly as given, scale included: 0.50 and 0.5 are different statements in a GMP record.
 */
public record Quantity(@JsonProperty("value") BigDecimal value, @JsonProperty("unit") String unit) {
    public Quantity {
        if (value == null) {
            throw new InvalidValueException("quantity value is missing");
        }
        if (value.signum() < 0) {
            throw new InvalidValueException("quantity " + value.toPlainString() + " is negative");
        }
        if (unit == null || unit.isBlank() || unit.length() > 16) {
            throw new InvalidValueException("quantity unit '" + unit + "' must be 1-16 characters");
        }
    }

    @JsonCreator
    static Quantity fromJson(@JsonProperty("value") BigDecimal value, @JsonProperty("unit") String unit) {
        return new Quantity(value, unit);
    }

    public static Quantity of(String value, String unit) {
        try {
            return new Quantity(new BigDecimal(value), unit);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("quantity '" + value + "' is not a decimal number");
        }
    }
}
