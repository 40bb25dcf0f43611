package io.cmohub.connector.quality;

import java.math.BigDecimal;

/** Whether a numeric result lies outside its limits; null limits are open ends. */
public record QcEvaluation(BigDecimal lowerLimit, BigDecimal upperLimit) {

    public boolean hasLimits() {
        return lowerLimit != null || upperLimit != null;
    }

    public boolean outside(BigDecimal value) {
        return (lowerLimit != null && value.compareTo(lowerLimit) < 0) || (upperLimit != null && value.compareTo(upperLimit) > 0);
    }

    public String describe() {
        if (lowerLimit == null) {
            return "at most " + upperLimit.toPlainString();
        }
        return upperLimit == null ? "at least " + lowerLimit.toPlainString() : lowerLimit.toPlainString() + " to " + upperLimit.toPlainString();
    }
}
