package io.cmohub.connector.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * The document's bytes as a parser reads them, bounding each record: a parser calls
 * {@link #startRecord} where a record (a JSON event, an XML element it binds) begins and
 * {@link #endRecord} where it ends, both with the parser's own offset into the document. A record
 * longer than {@link RecordLimits#maxRecordBytes()} fails the document with
 * {@link RecordLimitExceededException}: while it is still being read, as soon as the bytes read
 * since its start exceed the limit by more than a parser's read-ahead (so before the parser has
 * built a giant record in memory), and exactly at its end otherwise.
 */
public final class RecordWindow extends FilterInputStream {
    /** What a parser reads ahead of its position (Jackson 8 KB, Woodstox 4 K chars), with a wide margin. */
    private static final long READ_AHEAD = 64 * 1024;
    private final long maxRecordBytes;
    private long totalRead;
    /** Bytes read from the stream when the record started (the parser may have read a little of it ahead). */
    private long readAtStart;
    /** The parser's offset of the record's start, in the parser's unit (bytes for Jackson, characters for StAX). */
    private long recordStart;
    private String location = "the start of the document";
    private boolean counting;

    private RecordWindow(InputStream in, long maxRecordBytes) {
        super(in);
        this.maxRecordBytes = maxRecordBytes;
    }

    public static RecordWindow over(InputStream in, RecordLimits limits) {
        return new RecordWindow(in, limits.maxRecordBytes());
    }

    /**
     * A record begins at {@code offset} (the parser's byte or character offset of its first token, or
     * -1 when the parser does not know it); {@code location} names it in the failure, e.g. "event 3 (line 40)".
     */
    public void startRecord(String location, long offset) {
        this.location = location;
        this.readAtStart = totalRead;
        this.recordStart = offset;
        this.counting = true;
    }

    /** The record ended at {@code offset} (-1: unknown); checked exactly against the limit. */
    public void endRecord(long offset) {
        counting = false;
        long length = offset < 0 || recordStart < 0 ? totalRead - readAtStart : offset - recordStart;
        if (length > maxRecordBytes) {
            throw exceeded();
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        totalRead += n;
        if (counting && totalRead - readAtStart > maxRecordBytes + READ_AHEAD) {
            counting = false; // reported once; the parser is abandoned
            throw exceeded();
        }
    }

    private RecordLimitExceededException exceeded() {
        return new RecordLimitExceededException(location, location + " is larger than " + NumberFormat.getIntegerInstance(Locale.ROOT).format(maxRecordBytes)
                + " bytes (limit cmohub.limits.max-record-bytes); the document was not read further");
    }
}
