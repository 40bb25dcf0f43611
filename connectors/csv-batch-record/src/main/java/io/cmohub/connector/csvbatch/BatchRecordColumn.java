package io.cmohub.connector.csvbatch;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns of the batch-record CSV, with whether a header must have them. */
enum BatchRecordColumn {
    PRODUCT_CODE("product_code", true, "GTIN-14 (GTIN-8/12/13 are zero-padded, as in GS1 AI 01) or PPN"),
    BATCH_ID("batch_id", true, "batch number, 1-20 characters of GS1 set 82"),
    STATUS("status", true, "PLANNED, IN_PROCESS, PACKED, RELEASED, QUARANTINED, REJECTED or RECALLED"),
    SITE_ID("site_id", false, "manufacturing site id"),
    EXPIRY("expiry", false, "expiry as printed, YYMMDD, day 00 = end of month"),
    MANUFACTURED_ON("manufactured_on", false, "date of manufacture"),
    RELEASED_ON("released_on", false, "date of QP release"),
    PLANNED_QUANTITY("planned_quantity", false, "planned batch size"),
    ACTUAL_QUANTITY("actual_quantity", false, "actual yield"),
    QUANTITY_UNIT("quantity_unit", false, "unit of both quantities, required when either is given"),
    MARKETS("markets", false, "ISO 3166 codes separated by the list separator"),
    UPDATED_AT("updated_at", false, "time of the record's last change, ISO 8601 with offset");

    final String header;
    final boolean required;
    final String meaning;

    BatchRecordColumn(String header, boolean required, String meaning) {
        this.header = header;
        this.required = required;
        this.meaning = meaning;
    }

    static Optional<BatchRecordColumn> ofHeader(String header) {
        return Arrays.stream(values()).filter(c -> c.header.equals(header)).findFirst();
    }

    static String headers() {
        return Arrays.stream(values()).map(c -> c.header).collect(Collectors.joining(", "));
    }

    static String documentation() {
        return Arrays.stream(values()).map(c -> c.header + (c.required ? " (required)" : "") + " = " + c.meaning).collect(Collectors.joining("; "));
    }
}
