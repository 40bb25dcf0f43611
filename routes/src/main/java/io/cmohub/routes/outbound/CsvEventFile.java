package io.cmohub.routes.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.cmohub.model.codec.CanonicalJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes one CloudEvent as a two-line CSV (header, values) for sponsor systems that read
 * spreadsheets: envelope attributes, then the data flattened to dotted columns, lists joined with
 * '|'. Cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage
 * return; OWASP ASVS 1.2.10, CWE-1236) get a leading apostrophe; plain numbers are left alone.
 */
public final class CsvEventFile {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final CsvMapper CSV = new CsvMapper();

    private CsvEventFile() {
    }

    public static String write(String cloudEventJson) throws IOException {
        JsonNode event = CanonicalJson.mapper().readTree(cloudEventJson);
        Map<String, String> cells = new LinkedHashMap<>();
        for (String attribute : List.of("id", "type", "source", "subject", "time", "partner")) {
            if (event.hasNonNull(attribute)) {
                cells.put(attribute, event.get(attribute).asText());
            }
        }
        flatten("data", event.path("data"), cells);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        cells.keySet().forEach(schema::addColumn);
        List<String> values = new ArrayList<>();
        cells.values().forEach(v -> values.add(neutralise(v)));
        return CSV.writer(schema.build()).writeValueAsString(values);
    }

    static String neutralise(String cell) {
        if (cell.isEmpty() || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char first = cell.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return "'" + cell;
        }
        // Spreadsheets skip leading blanks and read the full-width signs (＝ ＋ － ＠) as formulas too.
        String stripped = cell.stripLeading();
        char sign = stripped.isEmpty() ? ' ' : stripped.charAt(0);
        return "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(sign) >= 0 ? "'" + cell : cell;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> cells) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> flatten(prefix + "." + name, node.get(name), cells));
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
            cells.put(prefix, String.join("|", items));
        } else if (!node.isMissingNode() && !node.isNull()) {
            cells.put(prefix, node.asText());
        }
    }
}
