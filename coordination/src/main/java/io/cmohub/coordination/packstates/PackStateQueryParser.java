package io.cmohub.coordination.packstates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.cmohub.euhub.PackQuery;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a pack-state query from a sponsor system: JSON ({@code {"packs":[{"product","serial","market"}]}}
 * or {@code {"batch":{"product","batchId"}}}, each with an optional query-wide {@code "market"}) or a CSV
 * with the header {@code product,serial} and an optional {@code market} column. Nothing is guessed: an
 * unknown property, a malformed code, a repeated pack or a query over the limit is refused, and every
 * reason names the entry ({@code packs[3]}) or the CSV line it is about, quoting what was sent.
 */
public final class PackStateQueryParser {
    /** The most reasons one refusal lists; the rest are counted. */
    static final int MAX_REASONS = 20;
    private static final Set<String> QUERY_FIELDS = Set.of("packs", "batch", "market");
    private static final Set<String> PACK_FIELDS = Set.of("product", "serial", "market");
    private static final Set<String> BATCH_FIELDS = Set.of("product", "batchId");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private final int maxPacks;

    public PackStateQueryParser(int maxPacks) {
        if (maxPacks < 1) {
            throw new IllegalArgumentException("maxPacks must be at least 1, was " + maxPacks);
        }
        this.maxPacks = maxPacks;
    }

    public int maxPacks() {
        return maxPacks;
    }

    public PackStateQueryRequest parseJson(String body) {
        JsonNode root;
        try {
            root = CanonicalJson.mapper().readTree(withoutByteOrderMark(body));
        } catch (JsonProcessingException e) {
            throw new PackStateQueryRejectedException("the query is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PackStateQueryRejectedException("the query is a JSON object with \"packs\" or \"batch\"");
        }
        Reasons reasons = new Reasons();
        unknownFields(root, QUERY_FIELDS, "the query", reasons);
        Market market = market(root.get("market"), "market", reasons);
        JsonNode packs = root.get("packs");
        JsonNode batch = root.get("batch");
        if ((packs == null) == (batch == null)) {
            reasons.add("the query names either \"packs\" or \"batch\", not " + (packs == null ? "neither" : "both"));
            throw reasons.refusal();
        }
        if (batch != null) {
            return batchQuery(batch, market, reasons);
        }
        if (!packs.isArray() || packs.isEmpty()) {
            reasons.add("\"packs\" is a non-empty list of {\"product\", \"serial\"}");
            throw reasons.refusal();
        }
        if (packs.size() > maxPacks) {
            throw new PackStateQueryRejectedException("the query holds " + packs.size() + " packs; at most " + maxPacks + " are asked in one query");
        }
        Packs collected = new Packs();
        for (int i = 0; i < packs.size(); i++) {
            String where = "packs[" + i + "]";
            JsonNode pack = packs.get(i);
            if (!pack.isObject()) {
                reasons.add(where + " is " + pack.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object with product and serial");
                continue;
            }
            unknownFields(pack, PACK_FIELDS, where, reasons);
            collected.add(where, text(pack, "product"), text(pack, "serial"), pack.has("market") ? market(pack.get("market"), where + ".market", reasons) : market,
                    reasons);
        }
        reasons.throwIfAny();
        return PackStateQueryRequest.ofPacks(collected.queries);
    }

    /** A CSV of packs; {@code market}, when not null, is asked for the rows that name none. */
    public PackStateQueryRequest parseCsv(Reader csv, Market market) {
        Reasons reasons = new Reasons();
        Packs collected = new Packs();
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema()).readValues(skipByteOrderMark(csv))) {
            List<String> header = null;
            while (rows.hasNextValue()) {
                List<String> row = rows.nextValue();
                // After a row the parser stands at the start of the next line, unless the row ended the input without a newline.
                var after = rows.getCurrentLocation();
                int line = after.getColumnNr() <= 1 ? after.getLineNr() - 1 : after.getLineNr();
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue; // a blank line
                }
                if (header == null) {
                    header = header(row, reasons);
                    continue;
                }
                if (collected.queries.size() == maxPacks) {
                    throw new PackStateQueryRejectedException("line " + line + ": the CSV holds more than " + maxPacks
                            + " packs; at most " + maxPacks + " are asked in one query");
                }
                String where = "line " + line;
                if (row.size() != header.size()) {
                    reasons.add(where + " has " + row.size() + " values; the header names " + header.size() + " (" + String.join(",", header) + ")");
                    continue;
                }
                Market rowMarket = header.size() == 3 && !row.get(2).isEmpty() ? market(row.get(2), where, reasons) : market;
                collected.add(where, row.get(0), row.get(1), rowMarket, reasons);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PackStateQueryRejectedException rejected) {
                throw rejected;
            }
            throw new PackStateQueryRejectedException("the CSV could not be read: " + e.getMessage());
        }
        if (collected.queries.isEmpty() && reasons.isEmpty()) {
            reasons.add("the CSV names no pack (a header product,serial and one line per pack)");
        }
        reasons.throwIfAny();
        return PackStateQueryRequest.ofPacks(collected.queries);
    }

    /** Excel's "CSV UTF-8" starts with a byte-order mark, which would otherwise be part of the first column's name. */
    private static Reader skipByteOrderMark(Reader csv) throws IOException {
        java.io.PushbackReader reader = new java.io.PushbackReader(csv, 1);
        int first = reader.read();
        if (first >= 0 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static String withoutByteOrderMark(String body) {
        return body != null && body.startsWith("\uFEFF") ? body.substring(1) : body;
    }

    private static List<String> header(List<String> row, Reasons reasons) {
        List<String> names = row.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        if (names.equals(List.of("product", "serial")) || names.equals(List.of("product", "serial", "market"))) {
            return names;
        }
        reasons.add("line 1 is the header product,serial (optionally ,market), was \"" + String.join(",", row) + "\"");
        throw reasons.refusal();
    }

    private PackStateQueryRequest batchQuery(JsonNode batch, Market market, Reasons reasons) {
        if (!batch.isObject()) {
            reasons.add("\"batch\" is an object with product and batchId");
            throw reasons.refusal();
        }
        unknownFields(batch, BATCH_FIELDS, "batch", reasons);
        ProductCode product = null;
        BatchId batchId = null;
        try {
            product = ProductCode.of(text(batch, "product"));
        } catch (InvalidValueException e) {
            reasons.add("batch.product: " + e.getMessage());
        }
        try {
            batchId = BatchId.of(text(batch, "batchId"));
        } catch (InvalidValueException e) {
            reasons.add("batch.batchId: " + e.getMessage());
        }
        reasons.throwIfAny();
        return PackStateQueryRequest.ofBatch(product, batchId, market);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }

    private static Market market(JsonNode value, String where, Reasons reasons) {
        if (value == null || value.isNull()) {
            return null;
        }
        return market(value.isTextual() ? value.asText() : value.toString(), where, reasons);
    }

    private static Market market(String value, String where, Reasons reasons) {
        try {
            return Market.of(value);
        } catch (InvalidValueException e) {
            reasons.add(where + ": " + e.getMessage());
            return null;
        }
    }

    private static void unknownFields(JsonNode node, Set<String> known, String where, Reasons reasons) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                reasons.add(where + " has the unknown property \"" + Reasons.cut(name) + "\" (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /** The packs read so far, with where each was first named, so that a repeat is refused naming both. */
    private static final class Packs {
        final List<PackQuery> queries = new ArrayList<>();
        private final Map<String, String> firstNamed = new HashMap<>();

        void add(String where, String product, String serial, Market market, Reasons reasons) {
            ProductCode productCode = null;
            SerialNumber serialNumber = null;
            try {
                productCode = ProductCode.of(product);
            } catch (InvalidValueException e) {
                reasons.add(where + ": " + e.getMessage());
            }
            try {
                serialNumber = SerialNumber.of(serial);
            } catch (InvalidValueException e) {
                reasons.add(where + ": " + e.getMessage());
            }
            if (productCode == null || serialNumber == null) {
                return;
            }
            String key = productCode + "/" + serialNumber;
            String earlier = firstNamed.putIfAbsent(key, where);
            if (earlier != null) {
                reasons.add(where + " repeats " + earlier + " (" + key + ")");
                return;
            }
            queries.add(new PackQuery(productCode, serialNumber, market));
        }
    }

    /** Collects reasons up to {@link #MAX_REASONS}; a refusal lists them and counts the rest. */
    private static final class Reasons {
        private final List<String> listed = new ArrayList<>();
        private int more;

        void add(String reason) {
            if (listed.size() < MAX_REASONS) {
                listed.add(reason);
            } else {
                more++;
            }
        }

        boolean isEmpty() {
            return listed.isEmpty();
        }

        void throwIfAny() {
            if (!listed.isEmpty()) {
                throw refusal();
            }
        }

        PackStateQueryRejectedException refusal() {
            List<String> all = new ArrayList<>(listed);
            if (more > 0) {
                all.add("and " + more + " more problems");
            }
            return new PackStateQueryRejectedException(all);
        }

        static String cut(String text) {
            return text.length() <= 64 ? text : text.substring(0, 64) + "...";
        }
    }
}
