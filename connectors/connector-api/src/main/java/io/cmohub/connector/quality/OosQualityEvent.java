package io.cmohub.connector.quality;

import java.util.Arrays;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.ConfigProperty;
import io.cmohub.model.BatchRef;
import io.cmohub.model.QcResult;
import io.cmohub.model.QualityEvent;
import io.cmohub.model.QualityEventKind;
import io.cmohub.model.QualityEventStatus;
import io.cmohub.model.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The OOS quality event a sponsor expects beside an out-of-specification result: open, of the
 * configured severity, referencing the batch. Its reference is derived from the result's business
 * key, so a re-sent record yields the same event id rather than a second investigation.
 */
public final class OosQualityEvent {
    /** The configuration property for the severity, the same name in every connector that raises OOS events. */
    public static final String SEVERITY_PROPERTY = "oos-severity";

    private OosQualityEvent() {
    }

    public static ConfigProperty severityProperty() {
        return ConfigProperty.oneOf(SEVERITY_PROPERTY, "OOS event severity",
                "Severity of the OOS quality event raised for a result out of specification.", "MAJOR",
                Arrays.stream(Severity.values()).map(Enum::name).toList());
    }

    /** The severity a connector configured with {@link #severityProperty()}. */
    public static Severity severity(ConnectorConfig config) {
        return config.enumValue(SEVERITY_PROPERTY, Severity.class);
    }

    public static QualityEvent of(QcResult result, Severity severity, LocalDate openedOn) {
        String result_ = result.numericResult() != null ? result.numericResult().toPlainString() : result.textResult();
        QcEvaluation evaluation = new QcEvaluation(result.lowerLimit(), result.upperLimit());
        String limits = evaluation.hasLimits() ? ", limits " + evaluation.describe() : "";
        String title = "OOS: " + result.testCode() + " on batch " + result.batchId() + " = " + result_
                + (result.unit() == null ? "" : " " + result.unit()) + limits;
        return new QualityEvent("OOS-" + shortHash(result.businessKey()), QualityEventKind.OOS, severity, QualityEventStatus.OPEN,
                result.partner(), result.lab(), title.length() > 200 ? title.substring(0, 199) + "\u2026" : title,
                result.specification() == null ? null : "specification: " + result.specification(), openedOn, null, null,
                List.of(new BatchRef(result.product(), result.batchId())));
    }

    private static String shortHash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
