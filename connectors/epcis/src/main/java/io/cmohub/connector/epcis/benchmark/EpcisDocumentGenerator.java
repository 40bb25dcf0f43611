package io.cmohub.connector.epcis.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes the serialisation document a CMO sends for a packaging run, at any size: commissioning of
 * every SGTIN (with batch and expiry in the ILMD), commissioning of case and pallet SSCCs, packing
 * SGTINs into cases and cases onto pallets, and shipping the pallets. Every event is produced on
 * demand from its index ({@link #event(long)}), so a document of any size is generated in constant
 * memory, written to a file or streamed straight into a parser. The document passes the connector's
 * lifecycle checks.
 *
 * <pre>java -cp ... io.cmohub.connector.epcis.EpcisDocumentGenerator OUT.xml [SGTINS] [XML_1_2|XML_2_0|JSON_LD] [SEQUENTIAL|RANDOM]</pre>
 */
public final class EpcisDocumentGenerator {

    public enum Syntax { XML_1_2, XML_2_0, JSON_LD }

    /**
     * How serial numbers are made. SEQUENTIAL: 10000000000, 10000000001, ... RANDOM: twelve
     * characters of 0-9A-Z that look random, as the EU Falsified Medicines Directive requires of
     * serials (each list is then out of order, so the connector must sort it for the event hash).
     */
    public enum Serials { SEQUENTIAL, RANDOM }

    private static final String COMPANY_PREFIX = "4012345";
    private static final String ITEM_REFERENCE = "012345";
    private static final String LOCATION = "urn:epc:id:sgln:4012345.00001.0";
    private static final int SSCCS_PER_EVENT = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT);
    private static final OffsetDateTime START = OffsetDateTime.of(2025, 3, 1, 8, 0, 0, 0, ZoneOffset.ofHours(1));

    private final Syntax syntax;
    private final Serials serials;
    private final long sgtins;
    private final int perCommissioning;
    private final int perCase;
    private final int casesPerPallet;
    private final int perBatch;
    private final long cases;
    private final long pallets;
    // first event index of each phase
    private final long caseCommissioningAt;
    private final long palletCommissioningAt;
    private final long casePackingAt;
    private final long palletPackingAt;
    private final long shippingAt;
    private final long events;

    /**
     * @param sgtins           SGTINs to commission
     * @param perCommissioning SGTINs per commissioning event
     * @param perCase          SGTINs per case (one aggregation event per case)
     * @param casesPerPallet   cases per pallet (one aggregation event per pallet)
     */
    public EpcisDocumentGenerator(Syntax syntax, long sgtins, int perCommissioning, int perCase, int casesPerPallet) {
        this(syntax, Serials.SEQUENTIAL, sgtins, perCommissioning, perCase, casesPerPallet);
    }

    public EpcisDocumentGenerator(Syntax syntax, Serials serials, long sgtins, int perCommissioning, int perCase, int casesPerPallet) {
        this.serials = serials;
        if (sgtins < 1 || perCommissioning < 1 || perCase < 1 || casesPerPallet < 1 || sgtins > 10_000_000_000L) {
            throw new IllegalArgumentException("sizes must be positive (and at most 10^10 SGTINs)");
        }
        this.syntax = syntax;
        this.sgtins = sgtins;
        this.perCommissioning = perCommissioning;
        this.perCase = perCase;
        this.casesPerPallet = casesPerPallet;
        this.perBatch = 100_000;
        this.cases = ceil(sgtins, perCase);
        this.pallets = ceil(cases, casesPerPallet);
        this.caseCommissioningAt = ceil(sgtins, perCommissioning);
        this.palletCommissioningAt = caseCommissioningAt + ceil(cases, SSCCS_PER_EVENT);
        this.casePackingAt = palletCommissioningAt + ceil(pallets, SSCCS_PER_EVENT);
        this.palletPackingAt = casePackingAt + cases;
        this.shippingAt = palletPackingAt + pallets;
        this.events = shippingAt + ceil(pallets, SSCCS_PER_EVENT);
    }

    /** The usual shape: commissioning events of 100 SGTINs, cases of 100, pallets of 50 cases. */
    public static EpcisDocumentGenerator standard(Syntax syntax, long sgtins) {
        return standard(syntax, Serials.SEQUENTIAL, sgtins);
    }

    public static EpcisDocumentGenerator standard(Syntax syntax, Serials serials, long sgtins) {
        return new EpcisDocumentGenerator(syntax, serials, sgtins, 100, 100, 50);
    }

    public long events() {
        return events;
    }

    public String head() {
        return switch (syntax) {
            case XML_1_2 -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:1\" "
                    + "xmlns:cbvmda=\"urn:epcglobal:cbv:mda\" schemaVersion=\"1.2\" creationDate=\"2025-03-01T18:00:00.000+01:00\">\n"
                    + "  <EPCISBody>\n    <EventList>\n";
            case XML_2_0 -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" "
                    + "xmlns:cbvmda=\"urn:epcglobal:cbv:mda\" schemaVersion=\"2.0\" creationDate=\"2025-03-01T18:00:00.000+01:00\">\n"
                    + "  <EPCISBody>\n    <EventList>\n";
            case JSON_LD -> "{\n  \"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],\n"
                    + "  \"type\": \"EPCISDocument\",\n  \"schemaVersion\": \"2.0\",\n  \"creationDate\": \"2025-03-01T18:00:00.000+01:00\",\n"
                    + "  \"epcisBody\": {\n    \"eventList\": [\n";
        };
    }

    public String tail() {
        return syntax == Syntax.JSON_LD ? "\n    ]\n  }\n}\n" : "    </EventList>\n  </EPCISBody>\n</epcis:EPCISDocument>\n";
    }

    /** Event {@code i} (0-based) with its separators. */
    public String event(long i) {
        StringBuilder out = new StringBuilder(8 * 1024);
        if (syntax == Syntax.JSON_LD && i > 0) {
            out.append(",\n");
        }
        String time = TIME.format(START.plusSeconds(i));
        if (i < caseCommissioningAt) {
            long first = i * perCommissioning;
            long last = Math.min(sgtins, first + perCommissioning);
            long batch = first / perBatch;
            object(out, time, "ADD", "commissioning", "active", first, last, this::sgtin,
                    String.format(Locale.ROOT, "B%06d", batch + 1), "2027-06-30");
        } else if (i < palletCommissioningAt) {
            long first = (i - caseCommissioningAt) * SSCCS_PER_EVENT;
            object(out, time, "ADD", "commissioning", "active", first, Math.min(cases, first + SSCCS_PER_EVENT), this::caseSscc, null, null);
        } else if (i < casePackingAt) {
            long first = (i - palletCommissioningAt) * SSCCS_PER_EVENT;
            object(out, time, "ADD", "commissioning", "active", first, Math.min(pallets, first + SSCCS_PER_EVENT), this::palletSscc, null, null);
        } else if (i < palletPackingAt) {
            long c = i - casePackingAt;
            aggregation(out, time, caseSscc(c), c * perCase, Math.min(sgtins, (c + 1) * perCase), this::sgtin);
        } else if (i < shippingAt) {
            long p = i - palletPackingAt;
            aggregation(out, time, palletSscc(p), p * casesPerPallet, Math.min(cases, (p + 1) * casesPerPallet), this::caseSscc);
        } else {
            long first = (i - shippingAt) * SSCCS_PER_EVENT;
            object(out, time, "OBSERVE", "shipping", "in_transit", first, Math.min(pallets, first + SSCCS_PER_EVENT), this::palletSscc, null, null);
        }
        return out.toString();
    }

    private interface Epc {
        String of(long n);
    }

    private String sgtin(long n) {
        return "urn:epc:id:sgtin:" + COMPANY_PREFIX + "." + ITEM_REFERENCE + "." + (serials == Serials.RANDOM ? randomSerial(n) : 10_000_000_000L + n);
    }

    /**
     * A serial that looks random but is one-to-one with {@code n}: n is mixed by steps that each
     * permute the numbers below 2^62 (multiplying by an odd number, xor with a right shift), then
     * written as twelve base-36 digits (36^12 > 2^62).
     */
    static String randomSerial(long n) {
        long mask = (1L << 62) - 1;
        long x = n & mask;
        x = (x * 0x9E3779B97F4A7C15L) & mask;
        x ^= x >>> 29;
        x = (x * 0xBF58476D1CE4E5B9L) & mask;
        x ^= x >>> 31;
        char[] digits = new char[12];
        for (int i = 11; i >= 0; i--) {
            digits[i] = Character.toUpperCase(Character.forDigit((int) (x % 36), 36));
            x /= 36;
        }
        return new String(digits);
    }

    private String caseSscc(long n) {
        return "urn:epc:id:sscc:" + COMPANY_PREFIX + "." + String.format(Locale.ROOT, "0%09d", n);
    }

    private String palletSscc(long n) {
        return "urn:epc:id:sscc:" + COMPANY_PREFIX + "." + String.format(Locale.ROOT, "1%09d", n);
    }

    private void object(StringBuilder out, String time, String action, String bizStep, String disposition, long from, long to, Epc epc,
                        String lot, String expiry) {
        if (syntax == Syntax.JSON_LD) {
            out.append("      {\"type\": \"ObjectEvent\", \"eventTime\": \"").append(time).append("\", \"eventTimeZoneOffset\": \"+01:00\",\n")
                    .append("       \"epcList\": [");
            for (long n = from; n < to; n++) {
                out.append(n == from ? "\n        \"" : ",\n        \"").append(epc.of(n)).append('"');
            }
            out.append("],\n       \"action\": \"").append(action).append("\", \"bizStep\": \"").append(bizStep)
                    .append("\", \"disposition\": \"").append(disposition).append("\",\n       \"readPoint\": {\"id\": \"").append(LOCATION)
                    .append("\"}, \"bizLocation\": {\"id\": \"").append(LOCATION).append("\"}");
            if (lot != null) {
                out.append(",\n       \"ilmd\": {\"cbvmda:lotNumber\": \"").append(lot).append("\", \"cbvmda:itemExpirationDate\": \"")
                        .append(expiry).append("\"}");
            }
            out.append('}');
            return;
        }
        out.append("      <ObjectEvent>\n        <eventTime>").append(time).append("</eventTime>\n")
                .append("        <eventTimeZoneOffset>+01:00</eventTimeZoneOffset>\n        <epcList>\n");
        for (long n = from; n < to; n++) {
            out.append("          <epc>").append(epc.of(n)).append("</epc>\n");
        }
        out.append("        </epcList>\n        <action>").append(action).append("</action>\n")
                .append("        <bizStep>urn:epcglobal:cbv:bizstep:").append(bizStep).append("</bizStep>\n")
                .append("        <disposition>urn:epcglobal:cbv:disp:").append(disposition).append("</disposition>\n")
                .append("        <readPoint><id>").append(LOCATION).append("</id></readPoint>\n")
                .append("        <bizLocation><id>").append(LOCATION).append("</id></bizLocation>\n");
        if (lot != null) {
            String ilmd = "<ilmd><cbvmda:lotNumber>" + lot + "</cbvmda:lotNumber><cbvmda:itemExpirationDate>" + expiry
                    + "</cbvmda:itemExpirationDate></ilmd>";
            out.append("        ").append(syntax == Syntax.XML_1_2 ? "<extension>" + ilmd + "</extension>" : ilmd).append('\n');
        }
        out.append("      </ObjectEvent>\n");
    }

    private void aggregation(StringBuilder out, String time, String parent, long from, long to, Epc child) {
        if (syntax == Syntax.JSON_LD) {
            out.append("      {\"type\": \"AggregationEvent\", \"eventTime\": \"").append(time)
                    .append("\", \"eventTimeZoneOffset\": \"+01:00\",\n       \"parentID\": \"").append(parent).append("\", \"childEPCs\": [");
            for (long n = from; n < to; n++) {
                out.append(n == from ? "\n        \"" : ",\n        \"").append(child.of(n)).append('"');
            }
            out.append("],\n       \"action\": \"ADD\", \"bizStep\": \"packing\", \"disposition\": \"in_progress\",\n")
                    .append("       \"readPoint\": {\"id\": \"").append(LOCATION).append("\"}}");
            return;
        }
        out.append("      <AggregationEvent>\n        <eventTime>").append(time).append("</eventTime>\n")
                .append("        <eventTimeZoneOffset>+01:00</eventTimeZoneOffset>\n        <parentID>").append(parent)
                .append("</parentID>\n        <childEPCs>\n");
        for (long n = from; n < to; n++) {
            out.append("          <epc>").append(child.of(n)).append("</epc>\n");
        }
        out.append("        </childEPCs>\n        <action>ADD</action>\n")
                .append("        <bizStep>urn:epcglobal:cbv:bizstep:packing</bizStep>\n")
                .append("        <disposition>urn:epcglobal:cbv:disp:in_progress</disposition>\n")
                .append("        <readPoint><id>").append(LOCATION).append("</id></readPoint>\n      </AggregationEvent>\n");
    }

    /** Writes the whole document to {@code file}; returns its size in bytes. */
    public long write(Path file) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(head());
            for (long i = 0; i < events; i++) {
                out.write(event(i));
            }
            out.write(tail());
        }
        return Files.size(file);
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: EpcisDocumentGenerator OUT [SGTINS=1000000] [XML_1_2|XML_2_0|JSON_LD] [SEQUENTIAL|RANDOM]");
            System.exit(2);
        }
        long sgtins = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        Syntax syntax = args.length > 2 ? Syntax.valueOf(args[2]) : Syntax.XML_1_2;
        Serials serials = args.length > 3 ? Serials.valueOf(args[3]) : Serials.SEQUENTIAL;
        EpcisDocumentGenerator generator = standard(syntax, serials, sgtins);
        long bytes = generator.write(Path.of(args[0]));
        System.out.printf(Locale.ROOT, "%s: %d SGTINs, %d events, %.1f MB (%s)%n", args[0], sgtins, generator.events(), bytes / 1e6, syntax);
    }
}
