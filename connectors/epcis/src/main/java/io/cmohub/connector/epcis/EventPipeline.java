package io.cmohub.connector.epcis;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a document on a second thread while the caller's thread checks and reports it, event by
 * event. The reader parses each event and collects its fields and EPCs (as written) into one of a
 * few {@link EventAssembler}s; the caller's thread reads the EPCs (rules, canonical forms), applies
 * the lifecycle rules, hashes the event, builds the records and hands them to the sink, then gives
 * the assembler back. When the caller's thread falls {@value #BEHIND} events behind, the reader
 * takes over the part of that work that does not depend on earlier events
 * ({@link EventAssembler#prepare}); the results are the same whichever thread did it. A side that
 * finds nothing to take spins briefly before it waits, while there are cores for it.
 * When the caller stops (a sink exception, a document failure), the reader is cancelled at its next
 * report or its next read of the document ({@link CancellableInput}) and joined before the
 * assemblers' temporary files are deleted. What crosses between the
 * threads is one queue entry per event (or per document-level fact), in document order, so the sink
 * sees exactly what a single thread would give it, on the caller's thread. Memory stays bounded:
 * {@value #ASSEMBLERS} events are in flight at most.
 */
final class EventPipeline implements DocumentEvents {
    private static final int ASSEMBLERS = 4;
    /**
     * Reports queued for the checking thread from which the reading thread takes on an event's
     * preparation ({@link EventAssembler#prepare}). At one queued report the two threads traded the
     * work back and forth event by event, and each trade could make one of them wait.
     */
    private static final int BEHIND = 2;
    /** {@link #BEHIND}, or 0 in tests that make the reading thread prepare every event. */
    static volatile int prepareFrom = BEHIND;
    private static final long POLL_MILLIS = 50;
    /**
     * How long a thread that finds nothing to take spins before it parks. Parking and waking a
     * thread costs tens of microseconds on a virtual machine (the idle CPU halts and must be
     * interrupted), more when the host is busy, and one event takes about fifty: with one park per
     * event a document took up to twice as long. Measured on 2 vCPUs: 20 us spins were clearly
     * worse than 100 us, and 300 us best.
     */
    private static final long SPIN_NANOS = 300_000;
    private static final long MIN_SPIN_NANOS = 2_000;
    /** Each side's current spin, between {@link #MIN_SPIN_NANOS} and {@link #SPIN_NANOS} (see {@link #take}). */
    private long readerSpin = MIN_SPIN_NANOS;
    private long checkerSpin = MIN_SPIN_NANOS;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Documents being read on two threads in this JVM (the gateway may read several at once). */
    private static final java.util.concurrent.atomic.AtomicInteger ACTIVE = new java.util.concurrent.atomic.AtomicInteger();
    /** Documents read on two threads in this JVM so far (tests and diagnosis). */
    static final java.util.concurrent.atomic.AtomicLong DOCUMENTS = new java.util.concurrent.atomic.AtomicLong();

    private enum Kind { EVENT, MASTER_DATA, FAIL, SENDER, REQUIRE_SENDER, FINISH, END }

    /** One report of the reader, replayed on the caller's thread. */
    private record Report(Kind kind, EventAssembler event, int number, String first, String second, Throwable failure) {
        static Report of(Kind kind) {
            return new Report(kind, null, 0, null, null, null);
        }
    }

    /** Thrown on the reader thread to end it when the caller has stopped listening. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }

    private final java.util.List<EventAssembler> assemblers = new java.util.ArrayList<>(ASSEMBLERS);
    // linked queues: their two ends have separate locks and an atomic count, so a thread spinning on
    // one end does not hold up the other thread at the other end (an array queue has one lock)
    private final BlockingQueue<EventAssembler> free = new LinkedBlockingQueue<>(ASSEMBLERS);
    private final BlockingQueue<Report> reports = new LinkedBlockingQueue<>(256);
    private volatile boolean stopped;
    private volatile boolean cancelled;
    private EventAssembler current;

    private EventPipeline(DocumentSession session) {
        for (int i = 0; i < ASSEMBLERS; i++) {
            assemblers.add(session.newAssembler());
        }
        free.addAll(assemblers);
    }

    /**
     * Runs {@code reading} on a new thread and reports what it reads to {@code session} on this one.
     * The reader's exception, if any, is thrown here after everything it read before it, as if the
     * reader had run on this thread; an exception of the sink stops the reader and is thrown here.
     */
    static void run(EpcisDocumentParser.Reading reading, CancellableInput input, DocumentSession session) throws Exception {
        EventPipeline pipeline = new EventPipeline(session);
        Thread reader = new Thread(() -> pipeline.readAll(reading), "epcis-reader");
        reader.setDaemon(true);
        ACTIVE.incrementAndGet();
        DOCUMENTS.incrementAndGet();
        reader.start();
        try {
            pipeline.replay(session, reader);
        } finally {
            ACTIVE.decrementAndGet();
            pipeline.cancelled = true;
            pipeline.stopped = true;
            input.cancel(); // a reader inside a long event stops at its next read of the document
            pipeline.reports.clear(); // unblocks a reader waiting to hand over a report; it then sees the cancel
            joinUninterruptibly(reader);
            pipeline.discardAll();
        }
    }

    /** The reader must be gone before its assemblers' files are deleted, even when this thread is interrupted. */
    private static void joinUninterruptibly(Thread reader) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Events still in flight when reading stopped early may hold temporary files. */
    private void discardAll() {
        RuntimeException failure = null;
        for (EventAssembler assembler : assemblers) {
            try {
                assembler.discard();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * For the benchmark ({@link PipelineTimings}), of the last document read on two threads: the reading thread's CPU
     * time, and how long each thread waited for the other (spinning counts as CPU time, so the CPU
     * times alone do not say which thread sets the pace).
     */
    static volatile long lastReaderCpuNanos;
    static volatile long lastReaderWaitNanos;
    static volatile long lastCheckerWaitNanos;
    private long readerWaited;
    private long checkerWaited;

    /** Diagnostics only: never allowed to fail the document. */
    private void recordReaderStatistics() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        lastReaderCpuNanos = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
        lastReaderWaitNanos = readerWaited;
    }

    private void readAll(EpcisDocumentParser.Reading reading) {
        Throwable failure = null;
        try {
            reading.read(this);
        } catch (Cancelled e) {
            return;
        } catch (Throwable e) {
            failure = e;
        }
        recordReaderStatistics();
        try {
            hand(new Report(Kind.END, null, 0, null, null, failure));
        } catch (Cancelled e) {
            // nobody listens any more
        }
    }

    private void replay(DocumentSession session, Thread reader) throws Exception {
        while (true) {
            Report report = take(reports, false);
            if (report == null) {
                if (!reader.isAlive() && reports.isEmpty()) {
                    // it could not even hand over its end (out of memory, say): do not wait for it forever
                    throw new IllegalStateException("the EPCIS reading thread ended without reporting the document's end");
                }
                continue;
            }
            switch (report.kind()) {
                case EVENT -> {
                    if (session.stopped()) {
                        report.event().discard(); // read after the document stopped: not reported, its files deleted
                    } else if (!session.finishEvent(report.event(), report.number())) {
                        stopped = true; // the reader stops at its next event; what it still sends is ignored
                    }
                    free.put(report.event());
                }
                case MASTER_DATA -> session.masterDataElement();
                case FAIL -> session.fail(report.first(), report.second());
                case SENDER -> session.sender(report.first());
                case REQUIRE_SENDER -> session.requireSender();
                case FINISH -> session.finish(report.number() != 0);
                case END -> {
                    lastCheckerWaitNanos = checkerWaited;
                    if (report.failure() instanceof Exception e) {
                        throw e;
                    }
                    if (report.failure() instanceof Error e) {
                        throw e;
                    }
                    return;
                }
            }
            if (session.stopped()) {
                stopped = true;
            }
        }
    }

    /** The next entry of {@code queue}, spinning for up to {@link #SPIN_NANOS} before parking; null after {@link #POLL_MILLIS}. */
    private <T> T take(BlockingQueue<T> queue, boolean reading) throws InterruptedException {
        if (!queue.isEmpty()) {
            return queue.poll();
        }
        long started = System.nanoTime();
        boolean spin = ACTIVE.get() * 2 <= CORES; // a spin takes a core: only while every document's two threads can have one
        if (spin) {
            long deadline = started + (reading ? readerSpin : checkerSpin);
            while (queue.isEmpty() && System.nanoTime() - deadline < 0) {
                Thread.onSpinWait(); // isEmpty reads the count without taking a lock
            }
        }
        T item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        long waited = System.nanoTime() - started;
        if (spin) {
            // Adaptive, as the JVM spins for a lock: waits a spin would have covered make the next
            // spin longer; longer waits make it shorter, since spinning through them only burns a core
            // (while the JIT compiles the first megabytes, the other thread is often far behind).
            long budget = reading ? readerSpin : checkerSpin;
            budget = waited <= SPIN_NANOS ? Math.min(SPIN_NANOS, Math.max(budget, waited) * 2) : Math.max(MIN_SPIN_NANOS, budget / 2);
            if (reading) {
                readerSpin = budget;
            } else {
                checkerSpin = budget;
            }
        }
        if (reading) {
            readerWaited += waited;
        } else {
            checkerWaited += waited;
        }
        return item;
    }

    // ---- the reader thread's side ----

    private void hand(Report report) {
        if (cancelled) {
            throw new Cancelled();
        }
        try {
            while (!reports.offer(report, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new Cancelled();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    @Override
    public EventFields beginEvent(String type) {
        if (cancelled) {
            throw new Cancelled();
        }
        try {
            EventAssembler next;
            while ((next = take(free, true)) == null) {
                if (cancelled) {
                    throw new Cancelled();
                }
            }
            current = next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
        current.begin(type);
        return current;
    }

    @Override
    public boolean endEvent(int line) {
        if (reports.size() >= prepareFrom && !stopped && !cancelled) {
            // the checking thread is busy with earlier events: do some of its work for this one here
            current.prepare();
        }
        hand(new Report(Kind.EVENT, current, line, null, null, null));
        current = null;
        return !stopped;
    }

    @Override
    public void masterDataElement() {
        hand(Report.of(Kind.MASTER_DATA));
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    @Override
    public void fail(String location, String reason) {
        hand(new Report(Kind.FAIL, null, 0, location, reason, null));
    }

    @Override
    public void sender(String value) {
        hand(new Report(Kind.SENDER, null, 0, value, null, null));
    }

    @Override
    public void requireSender() {
        hand(Report.of(Kind.REQUIRE_SENDER));
    }

    @Override
    public void finish(boolean masterDataDocument) {
        hand(new Report(Kind.FINISH, null, masterDataDocument ? 1 : 0, null, null, null));
    }
}
