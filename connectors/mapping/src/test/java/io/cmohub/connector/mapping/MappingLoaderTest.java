package io.cmohub.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.connector.mapping.convert.ConverterRegistry;
import io.cmohub.connector.mapping.definition.InvalidMappingException;
import io.cmohub.connector.mapping.definition.MappingDefinition;
import io.cmohub.connector.mapping.definition.MappingLoader;
import io.cmohub.connector.mapping.definition.SourceSpec;
import io.cmohub.model.EntityType;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class MappingLoaderTest {
    private final MappingLoader loader = new MappingLoader(ConverterRegistry.load(getClass().getClassLoader()));

    private MappingDefinition load(String yaml) {
        return loader.load(new StringReader(yaml), "test.yaml");
    }

    private InvalidMappingException refused(String yaml) {
        try {
            load(yaml);
        } catch (InvalidMappingException e) {
            return e;
        }
        throw new AssertionError("the mapping was accepted");
    }

    @Test
    void loadsAMappingWithItsSourceOutputsAndCodeLists() {
        MappingDefinition mapping = load("""
                id: acme-batches
                title: ACME batches
                description: Batch export of ACME
                source: {format: csv, delimiter: ";", encoding: windows-1252}
                code-lists:
                  status: {FREI: RELEASED}
                records:
                  - entity: batch
                    fields:
                      product: PZN
                      batchId: Charge
                      status: {from: Status, convert: {code-list: status}}
                """);
        assertThat(mapping.id()).isEqualTo("acme-batches");
        assertThat(mapping.source()).isInstanceOfSatisfying(SourceSpec.Csv.class, csv -> {
            assertThat(csv.delimiter()).isEqualTo(';');
            assertThat(csv.encoding().name()).isEqualTo("windows-1252");
        });
        assertThat(mapping.outputs()).singleElement().satisfies(o -> {
            assertThat(o.entity()).isEqualTo(EntityType.BATCH);
            assertThat(o.fields()).extracting(f -> f.target()).containsExactly("product", "batchId", "status");
        });
        assertThat(mapping.codeLists()).containsKey("status");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsLine() {
        InvalidMappingException e = refused("""
                id: Acme_Batches
                title: ACME batches
                description: Batch export of ACME
                source: {format: csv, delimitr: ";"}
                records:
                  - entity: batch
                    fields:
                      product: PZN
                      batchNo: Charge
                      status: {from: Status, convert: {code-list: statuses}}
                      expiry: {from: Verfall, convert: [trim, {dat: dd.MM.yyyy}]}
                      manufacturedOn: {from: Herstellung, convert: {date: "dd.MM.yyyy QQQQQQ"}}
                      updatedAt: {from: Stand, convert: {datetime: "dd.MM.yyyy HH:mm"}}
                      plannedQuantity: Menge
                  - entity: batchrecord
                    fields: {product: PZN}
                """);
        assertThat(e.problems()).containsExactly(
                "line 1: id 'Acme_Batches' must be kebab-case (lower-case words joined by '-'), e.g. acme-batch-records",
                "line 4: unknown key 'delimitr' in source (keys: delimiter, encoding, format, header, lines, quote, record, records)",
                "line 9: unknown canonical field 'batchNo' of batch: 'batchNo' is not a field of batch (fields: product, batchId, status, partner, site, "
                        + "expiry, manufacturedOn, releasedOn, plannedQuantity, actualQuantity, markets, updatedAt, sourceStatus, line)",
                "line 10: converter 'code-list' code list 'statuses' is not defined under code-lists (defined: [])",
                "line 11: unknown converter 'dat' (known: boolean, code-list, date, datetime, decimal, decimal-comma, expiry-date, expiry-month, gs1-date, "
                        + "integer, lower, matches, multiply, number, one-of, prefix, pzn-to-ppn, replace, strip-leading-zeros, suffix, trim, upper)",
                "line 12: converter 'date' 'dd.MM.yyyy QQQQQQ' is not a date/time pattern: Too many pattern letters: Q",
                "line 13: converter 'datetime' pattern 'dd.MM.yyyy HH:mm' has no offset, so a zone is needed (e.g. zone: Europe/Berlin): "
                        + "the CMO's local time cannot be guessed",
                "line 14: unknown canonical field 'plannedQuantity' of batch: 'plannedQuantity' is a group; map its fields (value, unit), e.g. plannedQuantity.value",
                "line 15: entity 'batchrecord' is not a canonical entity (one of [batch, packaging-run, serialisation-event, qc-result, quality-event, "
                        + "shipment, pack-state, alert, upload-rejection, evidence-request, investigation-case, release-check, pack-state-summary, pack-state-finding])");
        assertThat(e.getMessage()).startsWith("mapping test.yaml is invalid:");
    }

    @Test
    void nestedPathsAreCheckedAllTheWayDown() {
        InvalidMappingException e = refused("""
                id: shipments
                title: Shipments
                description: Shipment export
                source: {format: xml, record: Delivery}
                records:
                  - entity: shipment
                    fields:
                      shipmentId: "@id"
                      lines.product.code: GTIN
                      lines.quantity.amount: Qty
                """);
        assertThat(e.problems()).containsExactly(
                "line 9: unknown canonical field 'lines.product.code' of shipment: 'lines.product' is a single value and has no field 'code'",
                "line 10: unknown canonical field 'lines.quantity.amount' of shipment: 'amount' is not a field of lines.quantity (fields: value, unit)");
    }

    @Test
    void aJsonSourceInAnEncodingTheParserWouldIgnoreIsRefusedNotMisread() {
        String mapping = """
                id: lots-json
                title: Lots
                description: Lot list as JSON
                source: {format: json, encoding: %s, records: /lots}
                records:
                  - entity: batch
                    fields:
                      product: gtin
                      batchId: lot
                """;
        assertThat(refused(mapping.formatted("windows-1252")).problems()).containsExactly("line 4: JSON is read as UTF-8, UTF-16 or UTF-32 (RFC 8259),"
                + " detected from its bytes; encoding windows-1252 is not supported for JSON: have the export written in UTF-8");
        assertThat(load(mapping.formatted("UTF-16")).source().encoding().name()).isEqualTo("UTF-16");
    }

    @Test
    void missingPartsAndWrongShapesAreNamed() {
        assertThat(refused("id: x\n").problems()).containsExactly(
                "line 1: 'title' is missing", "line 1: 'description' is missing",
                "line 1: 'source' is missing: how are records read (format: csv, json or xml)?",
                "line 1: 'records' is missing: which canonical records does a source record become?");
        assertThat(refused("""
                id: x
                title: X
                description: X export
                source: {format: json, records: batches, record: Batch}
                records:
                  - entity: batch
                    when: {from: Type}
                    fields:
                      batchId: {from: Lot, const: L1}
                """).problems()).containsExactly(
                "line 4: 'record' does not apply to format json (keys: encoding, format, lines, records)",
                "line 4: records 'batches' must be a JSON pointer starting with '/', e.g. /batches",
                "line 7: a condition needs 'from' and exactly one of equals, in, matches or blank",
                "line 9: field 'batchId' needs exactly one of from, concat or const");
    }

    @Test
    void hostileYamlIsRefusedNotExpanded() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
            }
            bomb.append("]\n");
        }
        assertThatThrownBy(() -> load(bomb.toString())).isInstanceOf(InvalidMappingException.class).hasMessageContaining("not valid YAML");
        assertThat(refused("- just\n- a list\n").problems()).containsExactly(
                "line 1: a mapping file is a YAML map with id, title, description, source and records");
    }
}
