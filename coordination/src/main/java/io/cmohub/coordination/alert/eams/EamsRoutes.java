package io.cmohub.coordination.alert.eams;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Route {@code cmohub-eams-poller}: a timer that runs {@link EamsPoller#pollOnce()}. Properties:
 * {@code cmohub.eams.poll-period-ms} and {@code cmohub.eams.initial-delay-ms}. A failed poll (EAMS
 * unreachable, database down) is logged and tried again at the next tick; the cursor did not move.
 * Stopping and starting the route (or the process) resumes from the cursor in the database.
 */
public final class EamsRoutes extends RouteBuilder {
    public static final String ROUTE_ID = "cmohub-eams-poller";

    private final EamsPoller poller;

    public EamsRoutes(EamsPoller poller) {
        this.poller = poller;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "io.cmohub.coordination.alert.eams", "EAMS poll failed, retried at the next tick: ${exception.message}");
        from("timer:" + ROUTE_ID + "?period={{cmohub.eams.poll-period-ms}}&delay={{cmohub.eams.initial-delay-ms}}")
                .routeId(ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(poller.pollOnce()));
    }
}
