package io.cmohub.connector.epcis;

/**
 * How the last document read on two threads spent its time: the reading thread's CPU and each side's
 * waiting. Read by the benchmark ({@code io.cmohub.connector.epcis.benchmark}); static and
 * last-document-wins, so meaningful only when one document is read at a time.
 */
public final class PipelineTimings {
    private PipelineTimings() {
    }

    public static void reset() {
        EventPipeline.lastReaderCpuNanos = 0;
        EventPipeline.lastReaderWaitNanos = 0;
        EventPipeline.lastCheckerWaitNanos = 0;
    }

    public static long readerCpuNanos() {
        return EventPipeline.lastReaderCpuNanos;
    }

    public static long readerWaitNanos() {
        return EventPipeline.lastReaderWaitNanos;
    }

    public static long checkerWaitNanos() {
        return EventPipeline.lastCheckerWaitNanos;
    }
}
