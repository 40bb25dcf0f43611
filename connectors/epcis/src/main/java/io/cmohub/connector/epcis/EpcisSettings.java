package io.cmohub.connector.epcis;

/**
 * The connector's configuration, read once in {@link EpcisConnector#open}.
 *
 * @param maxEpcsPerRecord  chunk size: EPCs per canonical record
 * @param lifecycleChecks   whether the document-level lifecycle rules apply
 * @param lifecycleMaxEpcs  how many commissioned EPCs the lifecycle ledger tracks at most (memory bound)
 * @param sensorData        what happens to events that carry sensor data
 * @param expectedSender    the GS1 identifier the SBDH sender must carry, or null for no check
 * @param spoolMemoryLimit  EPCs kept in memory per event list before the rest goes to a temporary file
 */
record EpcisSettings(int maxEpcsPerRecord, boolean lifecycleChecks, int lifecycleMaxEpcs, SensorDataHandling sensorData, String expectedSender,
                     int spoolMemoryLimit) {

    /** In memory: two chunks, and never fewer than 20,000 EPCs (about 2 MB), so ordinary events never touch the disk. */
    static int defaultSpoolMemoryLimit(int maxEpcsPerRecord) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(20_000L, 2L * maxEpcsPerRecord));
    }

    /** Sensor data has no place in the canonical model; the partner's configuration says whether that is acceptable. */
    enum SensorDataHandling {
        /** Validated and part of the event id, but not carried into the canonical record. */
        HASH_ONLY,
        /** Events with sensor data are rejected, so nothing is silently left out. */
        REJECT
    }
}
