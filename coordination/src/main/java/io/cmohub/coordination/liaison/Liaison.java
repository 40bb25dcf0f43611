package io.cmohub.coordination.liaison;

import io.cmohub.model.value.PartnerId;
import io.cmohub.coordination.calendar.BusinessCalendar;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A CMO's alert liaison arrangement: the named liaison and backup, the channels to use (first one
 * first), the agreed response SLA counted in business time on the CMO's calendar, and whether the
 * CMO is connected to the EAMS or works in parallel through the sponsor.
 */
public record Liaison(PartnerId partner, Contact liaison, Contact backup, List<Channel> channels, Duration responseSla, AlertPath path,
                      BusinessCalendar calendar) {
    public Liaison {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(liaison, "liaison");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(calendar, "calendar");
        channels = channels == null ? List.of() : List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("liaison of " + partner + " needs at least one channel");
        }
        if (responseSla == null || responseSla.isNegative() || responseSla.isZero() || responseSla.toMinutes() > 60L * 24 * 30) {
            throw new IllegalArgumentException("response SLA of " + partner + " must be positive and at most 720 business hours: " + responseSla);
        }
        if (responseSla.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("response SLA is kept in whole minutes: " + responseSla);
        }
    }

    /** The channel evidence requests go out on. */
    public Channel primaryChannel() {
        return channels.get(0);
    }

    public Optional<Channel> channel(ChannelType type) {
        return channels.stream().filter(c -> c.type() == type).findFirst();
    }
}
