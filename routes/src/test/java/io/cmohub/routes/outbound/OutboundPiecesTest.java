package io.cmohub.routes.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.routes.publish.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundPiecesTest {

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised() throws Exception {
        String event = """
                {"specversion":"1.0","id":"abc","source":"/x","type":"io.cmohub.quality-event.updated.v1","partner":"acme-cmo",
                 "data":{"reference":"=HYPERLINK(\\"http://evil\\")","title":"+1 call me","description":"@SUM(A1)","site":"-2+3",
                         "batches":[{"product":"05012345678900","batchId":"B1"}],"quantity":-5,"note":"\\tindented"}}""";
        String csv = CsvEventFile.write(event);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("id,type,source,partner,data.reference,data.title");
        assertThat(lines.get(1)).contains("'=HYPERLINK").contains("'+1 call me").contains("'@SUM(A1)").contains("'-2+3").contains("'\tindented");
        assertThat(lines.get(1)).contains(",-5,").doesNotContain("'-5");
        assertThat(CsvEventFile.neutralise("05012345678900")).isEqualTo("05012345678900");
        assertThat(CsvEventFile.neutralise("  =cmd|' /C calc'!A0")).startsWith("'");
        assertThat(CsvEventFile.neutralise("\n=1+1")).startsWith("'");
        assertThat(CsvEventFile.neutralise("\uFF1DSUM(A1)")).as("full-width equals sign").startsWith("'");
        assertThat(CsvEventFile.neutralise("\uFF20SUM(A1)")).startsWith("'");
        assertThat(CsvEventFile.neutralise("plain text = fine")).isEqualTo("plain text = fine");
    }

    @Test
    void filterBecomesABrokerSelectorAndMatchesTheSameEvents() {
        OutboundFilter filter = new OutboundFilter(List.of("io.cmohub.batch.updated.v1"), List.of("acme-cmo"), List.of("DE", "FR"), List.of());
        assertThat(filter.selector()).isEqualTo("cmohubEventType IN ('io.cmohub.batch.updated.v1') AND cmohubPartner IN ('acme-cmo') AND "
                + "(cmohubMarkets LIKE '%|DE|%' OR cmohubMarkets LIKE '%|FR|%')");
        Map<String, String> de = Map.of(EventHeaders.EVENT_TYPE, "io.cmohub.batch.updated.v1", EventHeaders.PARTNER, "acme-cmo",
                EventHeaders.MARKETS, "|AT|DE|");
        assertThat(filter.matches(de)).isTrue();
        assertThat(filter.matches(Map.of(EventHeaders.EVENT_TYPE, "io.cmohub.batch.updated.v1", EventHeaders.PARTNER, "acme-cmo",
                EventHeaders.MARKETS, "|DEU|"))).isFalse();
        assertThat(OutboundFilter.any().selector()).isNull();
        assertThatThrownBy(() -> new OutboundFilter(List.of("x') OR 1=1 OR ('"), List.of(), List.of(), List.of()))
                .hasMessageContaining("may contain only");
    }

    @Test
    void webhookSignatureCoversTimestampAndBody() {
        byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign("0123456789abcdef", "1700000000", body);
        assertThat(signature).startsWith("sha256=").hasSize(7 + 64);
        assertThat(WebhookSignature.verify("0123456789abcdef", "1700000000", body, signature)).isTrue();
        assertThat(WebhookSignature.verify("0123456789abcdef", "1700000001", body, signature)).isFalse();
        assertThat(WebhookSignature.verify("wrong-secret-000", "1700000000", body, signature)).isFalse();
        assertThat(WebhookSignature.verify("0123456789abcdef", "1700000000", "{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void targetsRefuseUnsafeConfiguration() {
        assertThatThrownBy(() -> new OutboundTarget("qms", OutboundTarget.Kind.WEBHOOK, null, "https://x", "short", null, 3, 100, 1, 1000))
                .hasMessageContaining("secret of at least 16 characters");
        assertThatThrownBy(() -> new OutboundTarget("Bad Name", OutboundTarget.Kind.JMS, null, "jms:queue:x", null, null, 3, 100, 1, 1000))
                .hasMessageContaining("a-z, 0-9 and '-'");
    }
}
