package io.cmohub.console.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times as a person reads them, to the minute and with their zone: {@code ${@time.utc(x)}} in the sponsor's pages, {@code in(x, zone)} in a CMO's. */
@Component("time")
public class ConsoleTime {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    public String utc(Instant instant) {
        return in(instant, UTC);
    }

    public String in(Instant instant, ZoneId zone) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }
}
