package io.cmohub.connector.csvbatch;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConfigProperty;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.ConnectorDescriptor;
import io.cmohub.connector.DocumentParser;
import io.cmohub.connector.ErrorPolicy;
import io.cmohub.model.EntityType;
import java.util.List;
import java.util.Set;

/**
 * Format {@code csv-batch-record}: a CMO's batch list exported from MES or ERP as CSV, one batch
 * per row, with the columns of {@link BatchRecordColumn}. Produces {@link io.cmohub.model.Batch}.
 */
public final class CsvBatchRecordConnector implements CmoConnector {
    public static final String ID = "csv-batch-record";

    static final String DELIMITER = "delimiter";
    static final String QUOTE = "quote";
    static final String ENCODING = "encoding";
    static final String DATE_FORMAT = "date-format";
    static final String DECIMAL_SEPARATOR = "decimal-separator";
    static final String LIST_SEPARATOR = "list-separator";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
            ID,
            "CMO batch record CSV",
            "Batch records exported by a CMO's MES or ERP as CSV: a header row naming the columns (any order), then one batch per row. "
                    + "Columns: " + BatchRecordColumn.documentation() + ".",
            List.of("text/csv"),
            Set.of(EntityType.BATCH),
            List.of(
                    ConfigProperty.optional(DELIMITER, "Column delimiter", "Character between cells: ',' by default, ';' for many European exports, \\t for tab.",
                            ConfigProperty.Type.CHARACTER, ","),
                    ConfigProperty.optional(QUOTE, "Quote character", "Character that encloses cells containing the delimiter, quotes or line breaks.",
                            ConfigProperty.Type.CHARACTER, "\""),
                    ConfigProperty.optional(ENCODING, "Character encoding", "Encoding of the file, e.g. UTF-8 or windows-1252. Bytes invalid in it reject the document.",
                            ConfigProperty.Type.CHARSET, "UTF-8"),
                    ConfigProperty.optional(DATE_FORMAT, "Date pattern", "java.time pattern of the manufactured_on and released_on columns, e.g. dd.MM.yyyy.",
                            ConfigProperty.Type.STRING, "yyyy-MM-dd"),
                    ConfigProperty.optional(DECIMAL_SEPARATOR, "Decimal separator", "Decimal mark of the quantity columns: '.' or ','. Digit grouping is not accepted.",
                            ConfigProperty.Type.CHARACTER, "."),
                    ConfigProperty.optional(LIST_SEPARATOR, "List separator", "Character between market codes inside the markets cell, e.g. DE|FR.",
                            ConfigProperty.Type.CHARACTER, "|")),
            ErrorPolicy.ACCEPT_VALID);

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public DocumentParser open(ConnectorConfig config) {
        return new CsvBatchRecordParser(
                config.character(DELIMITER),
                config.character(QUOTE),
                config.charset(ENCODING),
                new BatchRowMapper(config.string(DATE_FORMAT), config.character(DECIMAL_SEPARATOR), config.character(LIST_SEPARATOR)));
    }
}
