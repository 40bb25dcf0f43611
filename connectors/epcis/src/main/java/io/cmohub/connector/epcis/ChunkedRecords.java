package io.cmohub.connector.epcis;

import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.Chunk;
import io.cmohub.model.SerialisationAction;
import io.cmohub.model.SerialisationEvent;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Gln;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;

/**
 * The canonical records of one EPCIS event: one {@link SerialisationEvent} per chunk of at most
 * max-epcs-per-record EPCs, numbered 1..count across all the event's EPC lists. The count is exact:
 * the event has ended before its records are handed over. Records are built when asked for, one
 * chunk at a time, so a spooled million-EPC event is never in memory at once. The list is valid
 * only during the {@code RecordSink.accepted} call it is passed to (its spool is then deleted).
 */
final class ChunkedRecords extends AbstractList<CanonicalRecord> {

    record Header(String sourceEventId, Instant eventTime, PartnerId partner, Gln location, String parent) {
    }

    /** One EPC list of the event (or none: an event without EPCs still gives one record). */
    record Part(EpcSpool spool, SerialisationAction action, ProductCode product, BatchId batch, Expiry expiry) {
        int chunks() {
            return spool == null ? 1 : spool.chunkCount();
        }
    }

    private final Header header;
    private final List<Part> parts;
    private final int size;

    ChunkedRecords(Header header, List<Part> parts) {
        this.header = header;
        this.parts = List.copyOf(parts);
        this.size = this.parts.stream().mapToInt(Part::chunks).sum();
    }

    @Override
    public CanonicalRecord get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int k = index;
        for (Part part : parts) {
            if (k < part.chunks()) {
                List<String> epcs = part.spool() == null ? List.of() : part.spool().chunk(k);
                // A single record is not a chunk of anything: it has no chunk position.
                Chunk chunk = size == 1 ? null : new Chunk(index + 1, size);
                return new SerialisationEvent(header.sourceEventId(), part.action(), header.eventTime(), header.partner(), header.location(),
                        part.product(), part.batch(), part.expiry(), header.parent(), epcs, chunk);
            }
            k -= part.chunks();
        }
        throw new IllegalStateException("chunk " + index + " not found");
    }

    @Override
    public int size() {
        return size;
    }
}
