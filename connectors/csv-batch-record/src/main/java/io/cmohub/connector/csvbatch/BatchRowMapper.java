package io.cmohub.connector.csvbatch;

import static io.cmohub.connector.csvbatch.BatchRecordColumn.ACTUAL_QUANTITY;
import static io.cmohub.connector.csvbatch.BatchRecordColumn.BATCH_ID;
import static io.cmohub.connector.csvbatch.BatchRecordColumn.EXPIRY;
import static io.cmohub.connector.csvbatch.BatchRecordColumn.MANUFACTURED_ON;
import static io.cmohub.connector.csvbatch.BatchRecordColumn.MARKETS;
import static io.cmohub.connector.csvbatch.BatchRecordColumn.PLANNED_QUANTITY;
import static io.cmohub.connector.csvbatch.BatchRecordColumn.PRODUCT_CODE;
import static io.cmohub.connector.csvbatch.BatchRecordColumn.QUANTITY_UNIT;
import static io.cmohub.connector.csvbatch.BatchRecordColumn.RELEASED_ON;
import static io.cmohub.connector.csvbatch.BatchRecordColumn.SITE_ID;
import static io.cmohub.connector.csvbatch.BatchRecordColumn.STATUS;
import static io.cmohub.connector.csvbatch.BatchRecordColumn.UPDATED_AT;

import io.cmohub.connector.MappedFields;
import io.cmohub.model.Batch;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.Quantity;
import io.cmohub.model.value.SiteId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Maps one row (column → cell) to a {@link Batch}, collecting every broken rule of the row. */
final class BatchRowMapper {
    private final DateTimeFormatter dateFormat;
    private final String datePattern;
    private final char decimalSeparator;
    private final String listSeparator;

    BatchRowMapper(String datePattern, char decimalSeparator, char listSeparator) {
        // STRICT resolving refuses 2025-02-30 instead of quietly making it 2025-02-28.
        this.dateFormat = DateTimeFormatter.ofPattern(datePattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
        this.datePattern = datePattern;
        this.decimalSeparator = decimalSeparator;
        this.listSeparator = Pattern.quote(String.valueOf(listSeparator));
    }

    /** Returns the batch, or null with the errors recorded in {@code fields}. */
    Batch map(Map<BatchRecordColumn, String> row, PartnerId partner, MappedFields fields) {
        ProductCode product = fields.required(PRODUCT_CODE.header, row.get(PRODUCT_CODE), ProductCode::parse);
        BatchId batchId = fields.required(BATCH_ID.header, row.get(BATCH_ID), BatchId::of);
        BatchStatus status = fields.required(STATUS.header, row.get(STATUS), BatchRowMapper::status);
        SiteId site = fields.optional(SITE_ID.header, row.get(SITE_ID), SiteId::of);
        Expiry expiry = fields.optional(EXPIRY.header, row.get(EXPIRY), Expiry::parse);
        LocalDate manufacturedOn = fields.optional(MANUFACTURED_ON.header, row.get(MANUFACTURED_ON), this::date);
        LocalDate releasedOn = fields.optional(RELEASED_ON.header, row.get(RELEASED_ON), this::date);
        BigDecimal planned = fields.optional(PLANNED_QUANTITY.header, row.get(PLANNED_QUANTITY), this::decimal);
        BigDecimal actual = fields.optional(ACTUAL_QUANTITY.header, row.get(ACTUAL_QUANTITY), this::decimal);
        String unit = row.get(QUANTITY_UNIT) == null || row.get(QUANTITY_UNIT).isBlank() ? null : row.get(QUANTITY_UNIT).strip();
        if ((planned != null || actual != null) && unit == null) {
            fields.error(QUANTITY_UNIT.header, "quantity_unit is required when planned_quantity or actual_quantity is given");
        }
        List<Market> markets = fields.optional(MARKETS.header, row.get(MARKETS), this::markets);
        Instant updatedAt = fields.optional(UPDATED_AT.header, row.get(UPDATED_AT), BatchRowMapper::instant);
        Quantity plannedQuantity = quantity(fields, PLANNED_QUANTITY, planned, unit);
        Quantity actualQuantity = quantity(fields, ACTUAL_QUANTITY, actual, unit);
        return fields.build(() -> new Batch(product, batchId, status, partner, site, expiry, manufacturedOn, releasedOn,
                plannedQuantity, actualQuantity, markets, updatedAt));
    }

    private static Quantity quantity(MappedFields fields, BatchRecordColumn column, BigDecimal value, String unit) {
        if (value == null || unit == null) {
            return null;
        }
        try {
            return new Quantity(value, unit);
        } catch (InvalidValueException e) {
            fields.error(column.header, e.getMessage());
            return null;
        }
    }

    private static BatchStatus status(String value) {
        try {
            return BatchStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("'" + value + "' is not a batch status; expected one of " + Arrays.toString(BatchStatus.values()));
        }
    }

    private LocalDate date(String value) {
        try {
            return LocalDate.parse(value, dateFormat);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("'" + value + "' is not a date in the pattern " + datePattern);
        }
    }

    private BigDecimal decimal(String value) {
        String plain = decimalSeparator == '.' ? value : value.replace(decimalSeparator, '.');
        if (decimalSeparator != '.' && value.indexOf('.') >= 0) {
            throw new InvalidValueException("'" + value + "' contains '.', but the decimal separator is '" + decimalSeparator + "' and digit grouping is not accepted");
        }
        if (!plain.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new InvalidValueException("'" + value + "' is not a decimal number (decimal separator '" + decimalSeparator + "', no digit grouping)");
        }
        return new BigDecimal(plain);
    }

    private List<Market> markets(String value) {
        return Arrays.stream(value.split(listSeparator)).map(String::strip).map(Market::of).toList();
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("'" + value + "' is not an ISO 8601 date-time with offset, e.g. 2025-03-01T09:15:00+01:00");
        }
    }
}
