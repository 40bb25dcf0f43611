package io.cmohub.coordination.liaison;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cmohub.model.value.PartnerId;
import io.cmohub.coordination.calendar.BusinessCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads liaison arrangements from YAML and applies them to the register. The format:
 *
 * <pre>
 * liaisons:
 *   - partner: acme-lyon
 *     liaison: { name: Claire Martin, email: claire.martin@acme.example }
 *     backup:  { name: Paul Durand,  email: paul.durand@acme.example }
 *     channels:
 *       - { type: webhook, address: "https://acme.example/alerts", secretRef: acme-webhook }
 *       - { type: email, address: fmd-alerts@acme.example }
 *     responseSlaBusinessHours: 8        # or responseSlaMinutes
 *     path: PARALLEL                     # or EAMS_CONNECTED
 *     calendar:
 *       timeZone: Europe/Paris
 *       workingDays: [MON, TUE, WED, THU, FRI]
 *       hours: "08:00-17:00"
 *       holidays: [2026-12-25, 2027-01-01]
 * </pre>
 *
 * Unknown keys are refused (a misspelt "backup" must not silently drop the backup liaison), as is a
 * partner listed twice. Errors name the entry.
 */
public final class LiaisonSeed {
    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    private LiaisonSeed() {
    }

    record ContactSpec(String name, String email) {
    }

    record ChannelSpec(String type, String address, String secretRef) {
    }

    record CalendarSpec(String timeZone, List<String> workingDays, String hours, List<LocalDate> holidays) {
    }

    record LiaisonSpec(String partner, ContactSpec liaison, ContactSpec backup, List<ChannelSpec> channels, Integer responseSlaBusinessHours,
                       Integer responseSlaMinutes, String path, CalendarSpec calendar) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record SeedFile(List<LiaisonSpec> liaisons) {
    }

    /** Parses and validates a seed document. */
    public static List<Liaison> read(InputStream yaml) throws IOException {
        SeedFile file;
        try {
            file = YAML.readValue(yaml, SeedFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("liaison seed: unknown key '" + e.getPropertyName() + "' at " + e.getPathReference(), e);
        }
        if (file == null || file.liaisons() == null) {
            return List.of();
        }
        List<Liaison> liaisons = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (LiaisonSpec spec : file.liaisons()) {
            index++;
            String where = "liaison seed entry " + index + (spec.partner() == null ? "" : " (" + spec.partner() + ")");
            try {
                Liaison liaison = toLiaison(spec);
                if (!seen.add(liaison.partner().value())) {
                    throw new IllegalArgumentException("partner is listed more than once");
                }
                liaisons.add(liaison);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return liaisons;
    }

    /** Saves every seeded liaison; unchanged ones are left alone. Returns how many changed. */
    public static int apply(LiaisonRegister register, List<Liaison> liaisons, String actor) {
        int changed = 0;
        for (Liaison liaison : liaisons) {
            if (register.save(liaison, actor, "liaison seed")) {
                changed++;
            }
        }
        return changed;
    }

    private static Liaison toLiaison(LiaisonSpec spec) {
        if (spec.partner() == null) {
            throw new IllegalArgumentException("partner is required");
        }
        if (spec.liaison() == null) {
            throw new IllegalArgumentException("liaison is required");
        }
        if ((spec.responseSlaBusinessHours() == null) == (spec.responseSlaMinutes() == null)) {
            throw new IllegalArgumentException("give exactly one of responseSlaBusinessHours and responseSlaMinutes");
        }
        Duration sla = spec.responseSlaBusinessHours() != null ? Duration.ofHours(spec.responseSlaBusinessHours())
                : Duration.ofMinutes(spec.responseSlaMinutes());
        List<Channel> channels = new ArrayList<>();
        for (ChannelSpec channel : spec.channels() == null ? List.<ChannelSpec>of() : spec.channels()) {
            if (channel.type() == null) {
                throw new IllegalArgumentException("channel type is required (webhook, email or portal)");
            }
            channels.add(new Channel(ChannelType.valueOf(channel.type().trim().toUpperCase(java.util.Locale.ROOT)), channel.address(), channel.secretRef()));
        }
        CalendarSpec cal = spec.calendar();
        if (cal == null || cal.timeZone() == null || cal.hours() == null) {
            throw new IllegalArgumentException("calendar with timeZone and hours is required");
        }
        String[] hours = cal.hours().split("-");
        if (hours.length != 2) {
            throw new IllegalArgumentException("calendar hours must look like 08:00-17:00, not '" + cal.hours() + "'");
        }
        List<String> days = cal.workingDays() == null ? List.of("MON", "TUE", "WED", "THU", "FRI") : cal.workingDays();
        BusinessCalendar calendar = new BusinessCalendar(ZoneId.of(cal.timeZone()), LiaisonRegister.parseDays(String.join(",", days)),
                LocalTime.parse(hours[0].trim()), LocalTime.parse(hours[1].trim()),
                new TreeSet<>(cal.holidays() == null ? List.of() : cal.holidays()));
        return new Liaison(PartnerId.of(spec.partner()), contact(spec.liaison()), spec.backup() == null ? null : contact(spec.backup()), channels, sla,
                spec.path() == null ? AlertPath.PARALLEL : AlertPath.valueOf(spec.path().trim().toUpperCase(java.util.Locale.ROOT)), calendar);
    }

    private static Contact contact(ContactSpec spec) {
        return new Contact(spec.name(), spec.email());
    }
}
