package io.cmohub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.codec.CanonicalXml;
import io.cmohub.model.codec.HardenedXml;
import java.io.StringReader;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/** Hostile documents fail fast with a reason; nothing is resolved, expanded or buffered without bound. */
class HostileInputTest {

    @Test
    void deepJsonNestingIsBounded() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> CanonicalJson.mapper().readTree(deep))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("nesting depth");
    }

    @Test
    void hugeJsonStringIsBounded() {
        String huge = "{\"alertId\":\"" + "x".repeat(1_000_001) + "\"}";
        assertThatThrownBy(() -> CanonicalJson.mapper().readTree(huge)).hasMessageContaining("String value length");
    }

    @Test
    void numbersAsStringsAndUnknownFieldsAreErrors() {
        assertThatThrownBy(() -> CanonicalJson.mapper().readValue("{\"commissioned\":\"5\",\"decommissioned\":0,\"sampled\":0}", SerialCounts.class))
                .hasMessageContaining("commissioned");
        assertThatThrownBy(() -> CanonicalJson.mapper().readValue("{\"commissioned\":5.5,\"decommissioned\":0,\"sampled\":0}", SerialCounts.class))
                .hasMessageContaining("commissioned");
        assertThatThrownBy(() -> CanonicalJson.mapper().readValue("{\"commissioned\":5,\"decommissioned\":0,\"sampled\":0,\"x\":1}", SerialCounts.class))
                .hasMessageContaining("\"x\"");
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE batch [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <batch><product>&xxe;</product></batch>""";
        assertThatThrownBy(() -> CanonicalXml.read(xxe, Batch.class)).satisfies(e -> assertThat(e.toString()).doesNotContain("root:"));
    }

    @Test
    void entityExpansionIsRefused() {
        String lol = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <alert><alertId>&lol3;</alertId></alert>""";
        assertThatThrownBy(() -> CanonicalXml.read(lol, Alert.class)).isNotNull();
    }

    @Test
    void deepXmlNestingIsBounded() throws Exception {
        String deep = "<a>".repeat(200) + "</a>".repeat(200);
        XMLStreamReader reader = HardenedXml.inputFactory().createXMLStreamReader(new StringReader(deep));
        assertThatThrownBy(() -> {
            while (reader.hasNext()) {
                reader.next();
            }
        }).satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("depth"));
    }
}
