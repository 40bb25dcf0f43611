package io.cmohub.connector.testkit;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.model.codec.CanonicalJson;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs in a child JVM with a small heap (started by {@link ConnectorConformanceTest}): builds the
 * connector test named on the command line, validates its {@link ConnectorConformanceTest#largeDocument()
 * large document} and prints one JSON line with the report and the bytes read. An
 * {@link OutOfMemoryError} means the connector holds the document in memory.
 */
public final class BoundedMemoryProbe {
    private BoundedMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Constructor<?> constructor = Class.forName(args[0]).getDeclaredConstructor();
        constructor.setAccessible(true);
        ConnectorConformanceTest test = (ConnectorConformanceTest) constructor.newInstance();
        CmoConnector connector = test.connector();
        GeneratedDocument document = test.largeDocument();
        long[] bytes = {0};
        DocumentRun run = new DocumentRun(connector.descriptor().id(), connector.open(ConnectorConfig.of(connector.descriptor(), test.sampleConfig())),
                connector.descriptor().defaultErrorPolicy());
        long started = System.nanoTime();
        DocumentReport report = run.validate(() -> new CountingStream(document.open(), bytes), ConnectorConformanceTest.CONTEXT);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", report.status().name());
        out.put("sourceEvents", report.sourceEvents());
        out.put("canonicalRecords", report.canonicalRecords());
        out.put("bytes", bytes[0]);
        out.put("seconds", (System.nanoTime() - started) / 1e9);
        out.put("maxHeap", Runtime.getRuntime().maxMemory());
        out.put("errors", report.errors().stream().limit(5).toList());
        System.out.println(CanonicalJson.mapper().writeValueAsString(out));
    }

    private static final class CountingStream extends FilterInputStream {
        private final long[] count;

        CountingStream(InputStream in, long[] count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count[0]++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count[0] += n;
            }
            return n;
        }
    }
}
