package io.cmohub.routes.pipeline;

import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentTooLargeException;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;

/**
 * The JMS intake route's step: a document sent as a JMS message, partner and format in the headers
 * {@value IntakeRoutes#PARTNER_HEADER} and {@value IntakeRoutes#FORMAT_HEADER}. Only text and bytes
 * are documents. An {@code ObjectMessage} (Java serialisation, the classic deserialisation attack) is
 * refused without its body being read: registered as a REJECTED document with the reason. That holds
 * only when the endpoint hands over the raw message ({@code mapJmsMessage=false}, as the gateway
 * configures it); with mapping on, Camel would deserialise the object before this step sees it.
 */
final class JmsMessageIntake {
    private final DocumentIntake intake;
    private final DocumentProcessor processor;

    JmsMessageIntake(DocumentIntake intake, DocumentProcessor processor) {
        this.intake = intake;
        this.processor = processor;
    }

    void receive(Exchange exchange) throws Exception {
        String partner = exchange.getMessage().getHeader(IntakeRoutes.PARTNER_HEADER, String.class);
        String format = exchange.getMessage().getHeader(IntakeRoutes.FORMAT_HEADER, String.class);
        String name = exchange.getMessage().getMessageId();
        exchange.getMessage().removeHeader(IntakeRoutes.DOCUMENT_ID_HEADER);
        Object body = exchange.getMessage().getBody();
        InputStream content;
        if (body instanceof Message message) {
            content = content(message);
            if (content == null) {
                DocumentRecord refused = intake.receive(partner, format, "jms", name, InputStream.nullInputStream(), null);
                processor.refuse(refused.documentId(), "a JMS " + kind(message) + " is not a document: send the document as a TextMessage or "
                        + "a BytesMessage (Java-serialised objects are never deserialised)");
                return;
            }
        } else if (body instanceof String text) {
            // A text message's characters are stored as UTF-8 whatever the platform default; bytes as they are.
            content = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        } else if (body instanceof byte[] bytes) {
            content = new ByteArrayInputStream(bytes);
        } else {
            content = exchange.getMessage().getMandatoryBody(InputStream.class);
        }
        try {
            DocumentRecord record = intake.receive(partner, format, "jms", name, content, null);
            exchange.getMessage().setHeader(IntakeRoutes.DOCUMENT_ID_HEADER, record.documentId());
        } catch (DocumentTooLargeException e) {
            // refused and audited by the intake; nothing to process
        }
    }

    /** The document in a text or bytes message; null for any other kind of message. */
    private static InputStream content(Message message) throws JMSException, IOException {
        if (message instanceof TextMessage text) {
            String value = text.getText();
            return new ByteArrayInputStream((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
        }
        if (message instanceof BytesMessage bytes) {
            return new BytesMessageStream(bytes);
        }
        return null;
    }

    private static String kind(Message message) {
        for (Class<?> type : message.getClass().getInterfaces()) {
            if (type.getName().startsWith("jakarta.jms.") && type != Message.class) {
                return type.getSimpleName();
            }
        }
        return "message without a text or bytes body";
    }

    /** A bytes message's body read as a stream, so a large document is not copied into one array first. */
    private static final class BytesMessageStream extends InputStream {
        private final BytesMessage message;

        BytesMessageStream(BytesMessage message) {
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                if (offset == 0) {
                    return message.readBytes(buffer, length);
                }
                byte[] chunk = new byte[length];
                int n = message.readBytes(chunk, length);
                if (n > 0) {
                    System.arraycopy(chunk, 0, buffer, offset, n);
                }
                return n;
            } catch (JMSException e) {
                throw new IOException("could not read the JMS message body: " + e.getMessage(), e);
            }
        }
    }
}
