package io.cmohub.connector.testkit;

import io.cmohub.connector.DocumentSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * A large document made up as it is read: a head, {@code records} records and a tail. Nothing is
 * held beyond the record being encoded, so a test can feed a connector far more bytes than the heap
 * it runs in — which is how the conformance kit proves a parser streams.
 *
 * @param head    text before the first record (a CSV header, an XML prolog and root start tag)
 * @param record  the text of record {@code i}, for i = 0 .. records-1, separators included
 * @param tail    text after the last record
 * @param records how many records to generate
 * @param charset encoding of the bytes
 */
public record GeneratedDocument(String head, LongFunction<String> record, String tail, long records, Charset charset) implements DocumentSource {

    public static GeneratedDocument utf8(String head, LongFunction<String> record, String tail, long records) {
        return new GeneratedDocument(head, record, tail, records, StandardCharsets.UTF_8);
    }

    @Override
    public InputStream open() {
        return new InputStream() {
            private byte[] chunk = head.getBytes(charset);
            private int pos;
            private long next;
            private boolean tailDone;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                while (pos == chunk.length) {
                    if (!refill()) {
                        return -1;
                    }
                }
                int n = Math.min(length, chunk.length - pos);
                System.arraycopy(chunk, pos, buffer, offset, n);
                pos += n;
                return n;
            }

            private boolean refill() {
                pos = 0;
                if (next < records) {
                    // a few hundred records per chunk keeps the per-read cost low and the chunk small
                    StringBuilder text = new StringBuilder(16 * 1024);
                    for (int i = 0; i < 256 && next < records; i++) {
                        text.append(record.apply(next++));
                    }
                    chunk = text.toString().getBytes(charset);
                    return true;
                }
                if (!tailDone) {
                    tailDone = true;
                    chunk = tail.getBytes(charset);
                    return true;
                }
                return false;
            }
        };
    }
}
