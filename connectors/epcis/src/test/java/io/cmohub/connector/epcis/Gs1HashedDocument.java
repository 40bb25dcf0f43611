package io.cmohub.connector.epcis;

import io.cmohub.model.value.EpcIdentifier;
import com.fasterxml.jackson.core.JsonFactory;
import io.cmohub.model.codec.HardenedXml;
import io.cmohub.model.value.InvalidValueException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Test driver: reads a document with our readers into {@link Gs1EventHash}, doing what the assembler
 * and the EPC spool do in production for the EPC lists (take their entries, canonicalise them with
 * {@link EpcIdentifier}, sort them by UTF-8 bytes, hand them over as {@link SortedEpcs}).
 */
final class Gs1HashedDocument implements DocumentEvents {

    /** One event's id and pre-hash. */
    record Hashed(String id, String preHash) {
    }

    private final Gs1EventHash hash = new Gs1EventHash();
    private final EpcReading reading = new EpcReading();
    private final List<Hashed> events = new ArrayList<>();
    private final Map<EpcList, List<byte[]>> epcs = new EnumMap<>(EpcList.class);
    private String failure;

    static List<Hashed> read(Path file) throws Exception {
        // buffered, as the connector reads: the JSON-LD reader looks ahead for a late @context only where it can rewind
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString().endsWith(".xml"));
        }
    }

    static List<Hashed> read(String document) throws Exception {
        return read(new java.io.ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), document.strip().startsWith("<"));
    }

    private static List<Hashed> read(InputStream in, boolean xml) throws Exception {
        Gs1HashedDocument doc = new Gs1HashedDocument();
        if (xml) {
            new XmlEpcisReader(HardenedXml.inputFactory()).read(in, doc);
        } else {
            new JsonLdEpcisReader(new JsonFactory()).read(in, doc);
        }
        if (doc.failure != null) {
            throw new IllegalStateException(doc.failure);
        }
        return doc.events;
    }

    @Override
    public EventFields beginEvent(String type) {
        hash.begin(type);
        epcs.clear();
        return new EventFields() {
            private int depth;
            private EpcList open;

            @Override
            public void type(String eventTypeName) {
                hash.type(eventTypeName);
            }

            @Override
            public void start(String name) {
                depth++;
                if (depth == 1) {
                    open = EpcList.of(name);
                }
                hash.start(name);
            }

            @Override
            public void end() {
                if (depth == 1) {
                    open = null;
                }
                depth--;
                hash.end();
            }

            @Override
            public void value(String name, String text) {
                if (depth == 1 && open != null && name.isEmpty()) {
                    epc(text);
                } else {
                    hash.value(name, text);
                }
            }

            private void epc(String raw) {
                byte[] canonical;
                if (reading.read(open.field(), raw)) {
                    canonical = Arrays.copyOf(reading.canonical(), reading.canonicalLength);
                } else {
                    // production rejects such an event; here it is hashed as GS1 would
                    canonical = Gs1CanonicalValue.of(raw).getBytes(StandardCharsets.UTF_8);
                }
                epcs.computeIfAbsent(open, k -> new ArrayList<>()).add(canonical);
            }
        };
    }

    @Override
    public boolean endEvent(int line) {
        SortedEpcs sorted = (list, consumer) -> epcs.getOrDefault(list, List.of()).stream().sorted(Arrays::compareUnsigned)
                .forEach(b -> consumer.accept(b, 0, b.length));
        events.add(new Hashed(hash.finish(sorted), hash.preHash(sorted)));
        return true;
    }

    @Override
    public void masterDataElement() {
    }

    @Override
    public boolean stopped() {
        return failure != null;
    }

    @Override
    public void fail(String location, String reason) {
        failure = location + ": " + reason;
    }

    @Override
    public void sender(String value) {
    }

    @Override
    public void requireSender() {
    }

    @Override
    public void finish(boolean masterDataDocument) {
    }
}
