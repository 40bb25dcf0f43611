package io.cmohub.connector.epcis;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * The document as the reading thread reads it, with a way for the other thread to stop that
 * reading: a reader deep inside a million-EPC event reports nothing until the event ends, but it
 * reads the document every few kilobytes, and each read checks the flag.
 */
final class CancellableInput extends FilterInputStream {
    private volatile boolean cancelled;

    CancellableInput(InputStream in) {
        super(in);
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public int read() throws IOException {
        check();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        return super.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        check();
        return super.skip(n);
    }

    private void check() throws InterruptedIOException {
        if (cancelled) {
            throw new InterruptedIOException("reading the EPCIS document was cancelled");
        }
    }
}
