package io.cmohub.gateway.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cmohub.connector.DocumentNotice;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentStatus;
import io.cmohub.connector.RecordError;
import java.util.List;

/** One line of {@code cmohub validate} output: the document report with the file it is about. */
@JsonPropertyOrder({"file", "format", "status", "sourceEvents", "canonicalRecords", "errors", "errorsOmitted", "notices"})
record ReportLine(String file, String format, DocumentStatus status, long sourceEvents, long canonicalRecords,
                  @JsonInclude(JsonInclude.Include.ALWAYS) List<ErrorLine> errors,
                  @JsonInclude(JsonInclude.Include.NON_DEFAULT) long errorsOmitted,
                  @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DocumentNotice> notices) {

    @JsonPropertyOrder({"location", "field", "reason"})
    record ErrorLine(String location, @JsonInclude(JsonInclude.Include.ALWAYS) String field, String reason) {
    }

    static ReportLine of(String file, DocumentReport report) {
        return new ReportLine(file, report.format(), report.status(), report.sourceEvents(), report.canonicalRecords(),
                report.errors().stream().map(ReportLine::line).toList(), report.errorsOmitted(), report.notices());
    }

    static ReportLine unreadable(String file, String format, String reason) {
        return new ReportLine(file, format, DocumentStatus.REJECTED, 0, 0, List.of(new ErrorLine("document", null, reason)), 0, List.of());
    }

    private static ErrorLine line(RecordError error) {
        return new ErrorLine(error.location(), error.field(), error.reason());
    }
}
