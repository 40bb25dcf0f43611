package io.cmohub.coordination.packstates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.model.PackStateQueryScope;
import io.cmohub.model.value.Market;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** What a sponsor system may send as a query, and how each mistake is named. */
class PackStateQueryParserTest {
    private final PackStateQueryParser parser = new PackStateQueryParser(3);

    @Test
    void readsPacksWithAQueryWideMarket() {
        PackStateQueryRequest request = parser.parseJson("""
                {"market": "DE", "packs": [{"product": "05012345100012", "serial": "A1"}, {"product": "05012345100012", "serial": "A2", "market": "FR"}]}
                """);
        assertThat(request.scope()).isEqualTo(PackStateQueryScope.PACKS);
        assertThat(request.packs()).extracting(p -> p.serial().value()).containsExactly("A1", "A2");
        assertThat(request.packs()).extracting(p -> p.market() == null ? null : p.market().code()).containsExactly("DE", "FR");
    }

    @Test
    void readsABatch() {
        PackStateQueryRequest request = parser.parseJson("{\"batch\": {\"product\": \"05012345100012\", \"batchId\": \"CZ24002\"}}");
        assertThat(request.scope()).isEqualTo(PackStateQueryScope.BATCH);
        assertThat(request.batchId().value()).isEqualTo("CZ24002");
    }

    @Test
    void eachBadEntryIsNamedQuotingWhatWasSent() {
        assertThatThrownBy(() -> parser.parseJson("""
                {"packs": [{"product": "05012345100013", "serial": "A1"}, {"product": "05012345100012", "serial": "A 2"},
                           {"product": "05012345100012", "serial": "A3", "lot": "X"}]}
                """)).isInstanceOfSatisfying(PackStateQueryRejectedException.class, e -> assertThat(e.reasons()).satisfiesExactly(
                r -> assertThat(r).startsWith("packs[0]: ").contains("05012345100013"),
                r -> assertThat(r).startsWith("packs[1]: ").contains("A 2"),
                r -> assertThat(r).startsWith("packs[2] has the unknown property \"lot\"")));
    }

    @Test
    void aRepeatedPackIsRefusedNamingBoth() {
        assertThatThrownBy(() -> parser.parseJson("{\"packs\": [{\"product\": \"05012345100012\", \"serial\": \"A1\"}, "
                + "{\"product\": \"05012345100012\", \"serial\": \"A1\"}]}"))
                .hasMessageContaining("packs[1] repeats packs[0] (05012345100012/A1)");
    }

    @Test
    void anOversizedQueryIsRefusedWithTheLimit() {
        assertThatThrownBy(() -> parser.parseJson("{\"packs\": [{\"product\": \"05012345100012\", \"serial\": \"A1\"}, "
                + "{\"product\": \"05012345100012\", \"serial\": \"A2\"}, {\"product\": \"05012345100012\", \"serial\": \"A3\"}, "
                + "{\"product\": \"05012345100012\", \"serial\": \"A4\"}]}"))
                .hasMessage("the query holds 4 packs; at most 3 are asked in one query");
        assertThatThrownBy(() -> parser.parseCsv(new StringReader("product,serial\n05012345100012,A1\n05012345100012,A2\n05012345100012,A3\n"
                + "05012345100012,A4\n"), null))
                .hasMessageContaining("line 5: the CSV holds more than 3 packs");
    }

    @Test
    void neitherOrBothOfPacksAndBatchIsRefused() {
        assertThatThrownBy(() -> parser.parseJson("{}")).hasMessageContaining("either \"packs\" or \"batch\", not neither");
        assertThatThrownBy(() -> parser.parseJson("[1]")).hasMessageContaining("a JSON object");
        assertThatThrownBy(() -> parser.parseJson("{\"packs\": ")).hasMessageContaining("not JSON");
    }

    @Test
    void readsACsvAndNamesTheLineOfEachProblem() {
        PackStateQueryRequest request = parser.parseCsv(new StringReader("product,serial,market\n05012345100012,A1,DE\n\n05012345100012,A2,\n"),
                Market.of("FR"));
        assertThat(request.packs()).extracting(p -> p.market().code()).containsExactly("DE", "FR");

        assertThatThrownBy(() -> parser.parseCsv(new StringReader("product,serial\n05012345100012,A1\n0501234510001X,A2\n05012345100012\n"), null))
                .isInstanceOfSatisfying(PackStateQueryRejectedException.class, e -> assertThat(e.reasons()).satisfiesExactly(
                        r -> assertThat(r).startsWith("line 3: ").contains("0501234510001X"),
                        r -> assertThat(r).startsWith("line 4 has 1 values; the header names 2")));
        assertThatThrownBy(() -> parser.parseCsv(new StringReader("product,serial\n0501234510001X,A2"), null)).hasMessageStartingWith("line 2: ");
        assertThatThrownBy(() -> parser.parseCsv(new StringReader("gtin;sn\n"), null)).hasMessageContaining("line 1 is the header product,serial");
        assertThatThrownBy(() -> parser.parseCsv(new StringReader("product,serial\n"), null)).hasMessageContaining("names no pack");
    }

    @Test
    void aByteOrderMarkAsExcelWritesItIsNotPartOfTheHeader() {
        PackStateQueryRequest csv = parser.parseCsv(new StringReader("\uFEFFproduct,serial\n05012345100012,A1\n"), null);
        assertThat(csv.packs()).hasSize(1);
        PackStateQueryRequest json = parser.parseJson("\uFEFF{\"packs\": [{\"product\": \"05012345100012\", \"serial\": \"A1\"}]}");
        assertThat(json.packs()).hasSize(1);
    }
}
