package io.cmohub.connector.limits;

/**
 * Bounds on one source record, applied by every connector on top of the bounds on the whole document
 * (size cap) and on single values ({@code io.cmohub.model.codec.CodecLimits}): without them one row of
 * thirty million cells, or one JSON event or XML element of hundreds of megabytes, is built in memory
 * before anything can reject it. A record over a limit is rejected (or, where the reader cannot find
 * the next record, the document fails) with a reason naming the limit. Set by the host, once for the
 * whole hub: the gateway's {@code cmohub.limits.*} properties, the pipeline builder for an embedded hub.
 *
 * @param maxCellsPerRow     cells in one CSV row ({@code cmohub.limits.max-cells-per-row})
 * @param maxRecordBytes     characters of one CSV row, bytes of one JSON event or of one XML record element
 *                           ({@code cmohub.limits.max-record-bytes})
 * @param maxErrorsPerRecord broken rules (validation events) kept for one record; more are counted in one
 *                           closing entry ({@code cmohub.limits.max-errors-per-record})
 */
public record RecordLimits(int maxCellsPerRow, long maxRecordBytes, int maxErrorsPerRecord) {
    /** Wide enough for every real export seen (the widest CMO CSV had 140 columns, the largest B2MML batch record 2 MB). */
    public static final RecordLimits DEFAULT = new RecordLimits(2_000, 16L * 1024 * 1024, 50);

    public RecordLimits {
        if (maxCellsPerRow < 1 || maxRecordBytes < 1 || maxErrorsPerRecord < 1) {
            throw new IllegalArgumentException("record limits must be positive: maxCellsPerRow=" + maxCellsPerRow + " maxRecordBytes="
                    + maxRecordBytes + " maxErrorsPerRecord=" + maxErrorsPerRecord);
        }
    }
}
