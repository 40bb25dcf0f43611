package io.cmohub.connector.epcis;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a reader on its own thread and hands what it reports to the caller's thread in batches, so
 * that XML or JSON parsing (one core) overlaps identifier checks, hashing and the lifecycle ledger
 * (the other). Memory stays bounded: at most {@value #QUEUED} batches of {@value #BATCH} reports
 * are in flight. The sink is only ever called on the caller's thread, in document order, as without
 * the pipeline.
 */
final class ReaderPipeline implements DocumentEvents, DocumentEvents.EventFields {
    private static final int BATCH = 4096;
    private static final int QUEUED = 4;

    private enum Op { BEGIN, TYPE, START, END, VALUE, EPC, END_EVENT, MASTER_DATA, FAIL, SENDER, REQUIRE_SENDER, FINISH }

    /** A reader's work, as run on the reader thread. */
    @FunctionalInterface
    interface Reading {
        void read(DocumentEvents events) throws Exception;
    }

    private static final class Batch {
        final Op[] ops = new Op[BATCH];
        final String[] first = new String[BATCH];
        final String[] second = new String[BATCH];
        final String[] third = new String[BATCH];
        final int[] numbers = new int[BATCH];
        final long[] words = new long[4 * BATCH];
        int size;
        /** Set on the last batch: the reader finished, with this exception or none. */
        boolean last;
        Throwable failure;
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    private volatile boolean cancelled;
    private Batch current = new Batch();
    // reader thread only: where in the event the reader is, to recognise EPC list entries
    private final EpcReading reading = new EpcReading();
    private int depth;
    private EpcList openList;

    /** Thrown on the reader thread to stop it when the caller no longer wants its reports. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads on a new thread and replays everything into {@code target} on this one. The reader's
     * exception, if any, is thrown here, as if the reader had run on this thread.
     */
    static void run(Reading reading, DocumentSession target) throws Exception {
        ReaderPipeline pipeline = new ReaderPipeline();
        Thread reader = new Thread(() -> {
            Throwable failure = null;
            try {
                reading.read(pipeline);
            } catch (Cancelled e) {
                // the caller stopped listening
            } catch (Throwable e) {
                failure = e;
            }
            pipeline.close(failure);
        }, "epcis-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            pipeline.replay(target);
        } finally {
            pipeline.cancelled = true;
            pipeline.queue.clear(); // unblocks a reader waiting to hand over a batch; it then sees the cancel
            reader.join();
        }
    }

    private void replay(DocumentSession target) throws Exception {
        DocumentEvents.EventFields event = null;
        while (true) {
            Batch batch = queue.take();
            for (int i = 0; i < batch.size; i++) {
                if (target.stopped()) {
                    cancelled = true;
                    return;
                }
                String a = batch.first[i];
                switch (batch.ops[i]) {
                    case BEGIN -> event = target.beginEvent(a);
                    case TYPE -> event.type(a);
                    case START -> event.start(a);
                    case END -> event.end();
                    case VALUE -> event.value(a, batch.second[i]);
                    case EPC -> event.readEpc(a, batch.words[4 * i], batch.words[4 * i + 1], batch.words[4 * i + 2], batch.words[4 * i + 3],
                            batch.third[i], batch.second[i]);
                    case END_EVENT -> target.endEvent(batch.numbers[i]);
                    case MASTER_DATA -> target.masterDataElement();
                    case FAIL -> target.fail(a, batch.second[i]);
                    case SENDER -> target.sender(a);
                    case REQUIRE_SENDER -> target.requireSender();
                    case FINISH -> target.finish(batch.numbers[i] != 0);
                }
            }
            if (target.stopped()) {
                cancelled = true;
                return;
            }
            if (batch.last) {
                if (batch.failure instanceof Exception e) {
                    throw e;
                }
                if (batch.failure instanceof Error e) {
                    throw e;
                }
                return;
            }
        }
    }

    // ---- the reader thread's side ----

    private void add(Op op, String first, String second, int number) {
        Batch batch = current;
        int i = batch.size;
        batch.ops[i] = op;
        batch.first[i] = first;
        batch.second[i] = second;
        batch.numbers[i] = number;
        next(batch);
    }

    /** The reader thread reads EPCs too (identifier rules, canonical form, SHA-256): the heaviest per-serial work. */
    private void epc(String field, String text) {
        Batch batch = current;
        int i = batch.size;
        batch.ops[i] = Op.EPC;
        if (reading.read(field, text)) {
            batch.words[4 * i] = reading.d0;
            batch.words[4 * i + 1] = reading.d1;
            batch.words[4 * i + 2] = reading.d2;
            batch.words[4 * i + 3] = reading.d3;
        }
        batch.first[i] = reading.epc;
        batch.second[i] = reading.error;
        batch.third[i] = reading.gtin;
        next(batch);
    }

    private void next(Batch batch) {
        batch.size++;
        if (batch.size == BATCH) {
            hand(batch);
            current = new Batch();
        }
    }

    private void hand(Batch batch) {
        try {
            while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new Cancelled();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
        if (cancelled) {
            throw new Cancelled();
        }
    }

    private void close(Throwable failure) {
        Batch batch = current;
        batch.last = true;
        batch.failure = failure;
        try {
            while (!cancelled && !queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                // the caller is still working through earlier batches
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public EventFields beginEvent(String type) {
        depth = 0;
        openList = null;
        add(Op.BEGIN, type, null, 0);
        return this;
    }

    @Override
    public void type(String eventTypeName) {
        add(Op.TYPE, eventTypeName, null, 0);
    }

    @Override
    public void start(String name) {
        depth++;
        if (depth == 1) {
            openList = EpcList.of(name);
        }
        add(Op.START, name, null, 0);
    }

    @Override
    public void end() {
        if (depth == 1) {
            openList = null;
        }
        depth--;
        add(Op.END, null, null, 0);
    }

    @Override
    public void value(String name, String text) {
        if (depth == 1 && openList != null && name.isEmpty()) {
            epc(openList.field(), text);
        } else {
            add(Op.VALUE, name, text, 0);
        }
    }

    @Override
    public void readEpc(String epc, long d0, long d1, long d2, long d3, String gtin, String error) {
        throw new UnsupportedOperationException("readers report EPCs as values");
    }

    @Override
    public boolean endEvent(int line) {
        add(Op.END_EVENT, null, null, line);
        return !cancelled;
    }

    @Override
    public void masterDataElement() {
        add(Op.MASTER_DATA, null, null, 0);
    }

    @Override
    public boolean stopped() {
        return cancelled;
    }

    @Override
    public void fail(String location, String reason) {
        add(Op.FAIL, location, reason, 0);
    }

    @Override
    public void sender(String value) {
        add(Op.SENDER, value, null, 0);
    }

    @Override
    public void requireSender() {
        add(Op.REQUIRE_SENDER, null, null, 0);
    }

    @Override
    public void finish(boolean masterDataDocument) {
        add(Op.FINISH, null, null, masterDataDocument ? 1 : 0);
    }
}
