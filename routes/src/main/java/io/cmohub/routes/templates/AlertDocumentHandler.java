package io.cmohub.routes.templates;

import java.io.InputStream;
import java.util.Map;

/**
 * What the {@code cmohub-alert-intake} route template hands each message to: one alert document
 * (EU Hub, EAMS or a national system) from whatever endpoint the host chose. The hub's own
 * implementation is {@link io.cmohub.coordination.alert.AlertNoticeHandler} (JSON alert notices into the
 * alert intake, bad ones quarantined); a host with another alert format binds its own.
 */
@FunctionalInterface
public interface AlertDocumentHandler {

    /**
     * @param source  who sent it, e.g. {@code eu-hub}; the template's {@code source} parameter
     * @param content the document as received (the caller closes it)
     * @param headers the message headers of the endpoint that delivered it
     * @return an id under which the alert (or the document holding it) was recorded, for the log
     */
    String receive(String source, InputStream content, Map<String, Object> headers) throws Exception;
}
