package io.cmohub.coordination.alert.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Collects at most a given number of bytes; one more write fails with {@link Exceeded}, the bytes so far kept. */
final class BoundedBytes extends ByteArrayOutputStream {
    private final int max;

    BoundedBytes(int max) {
        super(Math.min(max, 64 * 1024));
        this.max = max;
    }

    @Override
    public synchronized void write(int b) {
        if (count >= max) {
            throw new Exceeded();
        }
        super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = max - count;
        if (len > room) {
            super.write(b, off, Math.max(room, 0));
            throw new Exceeded();
        }
        super.write(b, off, len);
    }

    /** Unchecked so it passes through the mail library's writeTo, which declares only IOException and MessagingException. */
    static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded() {
            super("size limit reached", null, false, false);
        }
    }

    @Override
    public void flush() throws IOException {
        // nothing buffered beyond the array
    }
}
