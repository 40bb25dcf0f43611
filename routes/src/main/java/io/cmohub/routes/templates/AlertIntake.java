package io.cmohub.routes.templates;

import java.io.InputStream;
import java.util.Map;

/**
 * The extension point of the {@code cmohub-alert-intake} route template: receives one alert
 * document (EU Hub, EAMS or a national system) from whatever endpoint the host chose.
 *
 * <p>TODO(alert intake): the alert pipeline is being written in {@code io.cmohub.routes.alert}. When
 * it lands, it provides the implementation (bound as {@value CmoHubRouteTemplates#ALERT_INTAKE_BEAN}
 * by {@link CmoHubPipeline} and by the Spring Boot starter); until then a host binds its own.
 */
@FunctionalInterface
public interface AlertIntake {

    /**
     * @param source  who sent it, e.g. {@code eu-hub}; the template's {@code source} parameter
     * @param content the document as received (the caller closes it)
     * @param headers the message headers of the endpoint that delivered it
     * @return an id under which the alert (or the document holding it) was recorded, for the log
     */
    String receive(String source, InputStream content, Map<String, Object> headers) throws Exception;
}
