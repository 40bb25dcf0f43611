package io.cmohub.connector.epcis;

import com.ctc.wstx.exc.WstxIOException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentParser;
import io.cmohub.connector.RecordSink;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.codec.CodecLimits;
import io.cmohub.model.codec.HardenedXml;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * Tells XML from JSON-LD by the first significant byte and streams the document through the
 * matching reader. The EPCIS version (1.x or 2.0) needs no setting: the readers accept both and the
 * 1.2 {@code <extension>} wrappers are read through. Holds configuration only, so one instance serves
 * any number of documents and threads.
 */
final class EpcisDocumentParser implements DocumentParser {
    private static final int SNIFF_LIMIT = 4096;

    private final EpcisSettings settings;
    private final XMLInputFactory xml = HardenedXml.inputFactory();
    private final JsonFactory json = JsonFactory.builder().streamReadConstraints(CanonicalJson.constraints(CodecLimits.DEFAULT)).build();

    /** A reader's work on one document. */
    @FunctionalInterface
    interface Reading {
        void read(DocumentEvents events) throws Exception;
    }

    private final boolean parallel;

    /**
     * Events read by this connector in this JVM so far. A fresh JVM on fewer than four cores reads on
     * one thread until it has read {@link #warmEvents}: its first pass is mostly JIT compilation, and
     * the compiler threads need the second core (cold, a million-SGTIN document took 3.1–3.6 s on
     * one thread and 4.1–5.0 s on two, on 2 vCPUs). A gateway is past that after its first
     * documents; a one-off {@code cmohub validate} of one document stays on one thread.
     */
    private static final java.util.concurrent.atomic.AtomicLong EVENTS_READ = new java.util.concurrent.atomic.AtomicLong();
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** 20,000, or 0 in tests that need the second thread from the first document. */
    static volatile long warmEvents = 20_000;

    /**
     * @param parallel read on a second thread while this one checks and reports ({@link EventPipeline})
     *                 once the JVM is warm; false reads and checks on the caller's thread alone
     */
    EpcisDocumentParser(EpcisSettings settings, boolean parallel) {
        this.settings = settings;
        this.parallel = parallel;
    }

    @Override
    public void parse(InputStream in, DocumentContext context, RecordSink sink) throws IOException {
        CancellableInput input = new CancellableInput(in);
        BufferedInputStream buffered = new BufferedInputStream(input, 64 * 1024);
        DocumentSession session = new DocumentSession(new GuardedSink(sink), settings, context.partner());
        try {
            Reading reading = switch (firstSignificantByte(buffered)) {
                case '<' -> events -> new XmlEpcisReader(xml).read(buffered, events);
                case '{' -> events -> new JsonLdEpcisReader(json).read(buffered, events);
                case -1 -> events -> events.fail("document", "the document is empty");
                default -> events -> events.fail("document", "not an EPCIS document: it is neither XML (starting with '<') nor JSON-LD (starting with '{')");
            };
            if (parallel && (CORES >= 4 || EVENTS_READ.get() >= warmEvents)) {
                EventPipeline.run(reading, input, session);
            } else {
                reading.read(session);
            }
        } catch (GuardedSink.SinkException e) {
            throw e.original();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (WstxIOException e) {
            if (e.getCause() instanceof IOException io && !(io instanceof CharConversionException)) {
                throw io;
            }
            session.fail(location(e), "the document is not readable XML: " + e.getMessage());
        } catch (XMLStreamException e) {
            session.fail(location(e), "malformed XML: " + message(e));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "document" : "line " + e.getLocation().getLineNr();
            session.fail(where, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading the EPCIS document");
        } catch (Exception e) {
            // Woodstox reports some syntax errors lazily as unchecked exceptions; the JDK's own parser
            // throws MissingResourceException on odd DOCTYPEs. Bad input all the same: report it.
            session.fail("document", "the EPCIS document could not be read: " + e);
        } finally {
            EVENTS_READ.addAndGet(session.events());
            session.discard();
        }
    }

    private static int firstSignificantByte(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_LIMIT);
        try {
            for (int i = 0; i < SNIFF_LIMIT; i++) {
                int b = in.read();
                if (b == -1 || b == '<' || b == '{') {
                    return b;
                }
                boolean byteOrderMark = b == 0xEF || b == 0xBB || b == 0xBF;
                if (!(b == ' ' || b == '\t' || b == '\r' || b == '\n' || byteOrderMark)) {
                    return b;
                }
            }
            return 0;
        } finally {
            in.reset();
        }
    }

    private static String location(XMLStreamException e) {
        return e.getLocation() == null ? "document" : "line " + e.getLocation().getLineNumber();
    }

    /** Woodstox appends the location to its message; the report already has it. */
    private static String message(XMLStreamException e) {
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = text.indexOf("\n at [");
        return (at > 0 ? text.substring(0, at) : text).replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "").strip();
    }
}
