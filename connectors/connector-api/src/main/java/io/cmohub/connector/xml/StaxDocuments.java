package io.cmohub.connector.xml;

import io.cmohub.connector.FieldError;
import io.cmohub.connector.RecordSink;
import io.cmohub.connector.limits.RecordLimitExceededException;
import io.cmohub.model.codec.HardenedXml;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Runs a connector's StAX walk over a document on the hub's hardened reader (no DTDs, no external
 * entities, bounded sizes) and turns every XML failure into one located document failure, so each
 * XML connector does not repeat the open/catch/close dance.
 */
public final class StaxDocuments {

    /** A connector's walk over the document, cursor before the first event. */
    @FunctionalInterface
    public interface Walk {
        void run(XMLStreamReader reader) throws XMLStreamException;
    }

    private StaxDocuments() {
    }

    /** Reads {@code in} with {@code walk}; malformed XML ends in {@code sink.failed} with the line and Woodstox's reason. */
    public static void read(InputStream in, RecordSink sink, Walk walk) {
        XMLStreamReader reader = null;
        try {
            reader = HardenedXml.inputFactory().createXMLStreamReader(in);
            walk.run(reader);
        } catch (XMLStreamException e) {
            sink.failed(line(e.getLocation() == null ? -1 : e.getLocation().getLineNumber(), reader), new FieldError(null, "malformed XML: " + message(e)));
        } catch (RecordLimitExceededException e) {
            throw e; // located by the window that counted the record; DocumentRun reports it
        } catch (RuntimeException e) {
            // the StAX parser reports some malformed input (e.g. a broken DOCTYPE) as runtime exceptions
            sink.failed(line(-1, reader), new FieldError(null, "malformed XML: " + e));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // the document has been reported already
                }
            }
        }
    }

    /** "line N": the given line, or the reader's current one when the exception carried none. */
    public static String line(int line, XMLStreamReader reader) {
        if (line < 0 && reader != null) {
            try {
                line = reader.getLocation().getLineNumber();
            } catch (RuntimeException ignored) {
                // no location to report
            }
        }
        return "line " + Math.max(line, 1);
    }

    /** Woodstox's message without the location suffix it appends (the report carries the location already). */
    public static String message(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = message.indexOf("\n at [");
        return (at < 0 ? message : message.substring(0, at)).replace('\n', ' ').strip();
    }
}
