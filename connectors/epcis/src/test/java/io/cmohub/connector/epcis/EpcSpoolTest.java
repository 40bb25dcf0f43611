package io.cmohub.connector.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EpcSpoolTest {

    @Test
    void canonicalFormsComeOutInByteOrderWhetherKeptInMemoryOrSpooled() {
        List<String> canonical = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 2_500; i++) {
            // random serials of varying length, some sharing prefixes, and a few non-ASCII identifiers
            String digits = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            String serial = digits.substring(0, 1 + random.nextInt(digits.length()));
            canonical.add(i % 97 == 0 ? "urn:example:ü" + serial : "https://id.gs1.org/01/09506000134352/21/" + serial);
        }
        canonical.add(canonical.get(7)); // a duplicate stays a duplicate
        List<String> expected = new ArrayList<>(canonical);
        expected.sort((a, b) -> java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));

        for (int memoryLimit : new int[] {100_000, 300, 1}) {
            try (EpcSpool spool = new EpcSpool(1000, memoryLimit)) {
                for (String c : canonical) {
                    byte[] bytes = c.getBytes(StandardCharsets.UTF_8);
                    String writtenForm = "as-written " + c;
                    spool.add(writtenForm.toCharArray(), writtenForm.length(), bytes, bytes.length);
                }
                List<String> sorted = new ArrayList<>();
                spool.forEachSorted((bytes, offset, length) -> sorted.add(new String(bytes, offset, length, StandardCharsets.UTF_8)));
                assertThat(sorted).as("memory limit %d", memoryLimit).isEqualTo(expected);
                assertThat(spool.chunk(2)).hasSize(501).first().isEqualTo("as-written " + canonical.get(2000));
                assertThat(spool.epc(1234)).isEqualTo("as-written " + canonical.get(1234));
                for (int i : new int[] {0, 299, 300, 2500}) {
                    byte[] bytes = canonical.get(i).getBytes(StandardCharsets.UTF_8);
                    assertThat(spool.fingerprint(i)).as("fingerprint %d", i).isEqualTo(Fingerprint.of(bytes, 0, bytes.length));
                }
            }
        }
    }

    @Test
    void aListAlreadyInOrderIsHandedOverAsItIs() {
        List<String> canonical = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            canonical.add("https://id.gs1.org/01/09506000134352/21/" + (1000 + i));
        }
        List<String> reversed = new ArrayList<>(canonical);
        Collections.reverse(reversed);
        for (List<String> input : List.of(canonical, reversed)) {
            try (EpcSpool spool = new EpcSpool(10, 1_000)) {
                for (String c : input) {
                    byte[] bytes = c.getBytes(StandardCharsets.UTF_8);
                    spool.add(c.toCharArray(), c.length(), bytes, bytes.length);
                }
                List<String> sorted = new ArrayList<>();
                spool.forEachSorted((bytes, offset, length) -> sorted.add(new String(bytes, offset, length, StandardCharsets.UTF_8)));
                assertThat(sorted).isEqualTo(canonical);
            }
        }
    }
}
