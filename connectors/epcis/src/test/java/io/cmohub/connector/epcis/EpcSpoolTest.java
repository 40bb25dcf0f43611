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
            try (EpcSpool spool = new EpcSpool(1000, memoryLimit, new PrefixReader("as-written "))) {
                for (String c : canonical) {
                    String writtenForm = "as-written " + c;
                    spool.add(writtenForm.toCharArray(), 0, writtenForm.length());
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
            try (EpcSpool spool = new EpcSpool(10, 1_000, new PrefixReader(""))) {
                for (String c : input) {
                    spool.add(c.toCharArray(), 0, c.length());
                }
                List<String> sorted = new ArrayList<>();
                spool.forEachSorted((bytes, offset, length) -> sorted.add(new String(bytes, offset, length, StandardCharsets.UTF_8)));
                assertThat(sorted).isEqualTo(canonical);
            }
        }
    }

    @Test
    void entriesAreReadOnceTrimmedAndThoseBreakingARuleLeaveTheSpool() {
        for (int memoryLimit : new int[] {100, 3}) {
            PrefixReader reader = new PrefixReader("");
            try (EpcSpool spool = new EpcSpool(2, memoryLimit, reader)) {
                String padded = " ".repeat(2000) + "https://id.gs1.org/01/09506000134352/21/9" + "\n";
                for (String entry : List.of("  https://id.gs1.org/01/09506000134352/21/1\n", "bad one", padded, "bad two",
                        "https://id.gs1.org/01/09506000134352/21/3", "bad " + "x".repeat(5000))) {
                    char[] text = ("[" + entry + "]").toCharArray();
                    spool.add(text, 1, entry.length());
                }
                assertThat(spool.size()).as("memory limit %d", memoryLimit).isEqualTo(3);
                assertThat(reader.rejected).containsExactly("bad one", "bad two", "bad " + "x".repeat(5000));
                assertThat(List.of(spool.epc(0), spool.epc(1), spool.epc(2))).containsExactly("https://id.gs1.org/01/09506000134352/21/1",
                        "https://id.gs1.org/01/09506000134352/21/9", "https://id.gs1.org/01/09506000134352/21/3");
                assertThat(spool.chunk(1)).containsExactly("https://id.gs1.org/01/09506000134352/21/3");
                byte[] last = "https://id.gs1.org/01/09506000134352/21/3".getBytes(StandardCharsets.UTF_8);
                assertThat(spool.fingerprint(2)).isEqualTo(Fingerprint.of(last, 0, last.length));
                spool.readPending();
                assertThat(reader.rejected).as("nothing is read twice").hasSize(3);
            }
        }
    }

    @Test
    void anOutOfOrderListIsSortedByWholeCanonicalFormsBeyondItsSortKeys() {
        Random random = new Random(7);
        String[] pieces = {"A", "B", "Ä", "€", "𝄞", "0", "AAAAAAAAAA", "ÄÄÄÄÄÄÄÄÄ"};
        for (int n : new int[] {1, 2, 64, 1000, 4096}) {
            List<String> canonical = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // a long common prefix, then pieces that make keys tie past 8 bytes, prefixes of each other and bytes >= 0x80
                StringBuilder serial = new StringBuilder("https://id.gs1.org/01/09506000134352/21/");
                int parts = random.nextInt(5);
                for (int k = 0; k < parts; k++) {
                    serial.append(pieces[random.nextInt(pieces.length)]);
                }
                canonical.add(serial.toString());
            }
            List<String> expected = new ArrayList<>(canonical);
            expected.sort((a, b) -> java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
            try (EpcSpool spool = new EpcSpool(1000, 100_000, new PrefixReader(""))) {
                for (String c : canonical) {
                    spool.add(c.toCharArray(), 0, c.length());
                }
                List<String> sorted = new ArrayList<>();
                spool.forEachSorted((bytes, offset, length) -> sorted.add(new String(bytes, offset, length, StandardCharsets.UTF_8)));
                assertThat(sorted).as("%d entries", n).isEqualTo(expected);
            }
        }
    }

    /** Reads "{prefix}X" as X (trimmed); an entry starting with "bad" breaks a rule. */
    private static final class PrefixReader implements EpcSpool.EntryReader, EpcSpool.ReadEntry {
        private final String prefix;
        final List<String> rejected = new ArrayList<>();
        private char[] text;
        private byte[] canonical;

        PrefixReader(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public EpcSpool.ReadEntry read(char[] chars, int start, int length) {
            String entry = new String(chars, start, length).strip();
            if (entry.startsWith("bad")) {
                rejected.add(entry);
                return null;
            }
            text = entry.toCharArray();
            canonical = entry.substring(prefix.length()).getBytes(StandardCharsets.UTF_8);
            return this;
        }

        @Override
        public char[] text() {
            return text;
        }

        @Override
        public int textLength() {
            return text.length;
        }

        @Override
        public byte[] canonical() {
            return canonical;
        }

        @Override
        public int canonicalLength() {
            return canonical.length;
        }
    }
}
