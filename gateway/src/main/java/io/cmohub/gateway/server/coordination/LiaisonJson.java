package io.cmohub.gateway.server.coordination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.coordination.liaison.Channel;
import io.cmohub.coordination.liaison.Contact;
import io.cmohub.coordination.liaison.Liaison;
import io.cmohub.coordination.liaison.LiaisonSeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The admin API's liaison JSON is one entry of the YAML seed (docs/alert-coordination.md §6), so the
 * seed file and the API share one format and one validation ({@link LiaisonSeed#read}).
 */
public final class LiaisonJson {
    private LiaisonJson() {
    }

    /** Parses one seed entry; the partner comes from the path and must not contradict the body. */
    public static Liaison read(JsonNode entry, String partner) throws IOException {
        if (!(entry instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the body must be one liaison object");
        }
        JsonNode named = object.get("partner");
        if (named != null && !named.asText().equals(partner)) {
            throw new IllegalArgumentException("the body names partner '" + named.asText() + "' but the path '" + partner + "'");
        }
        ObjectNode copy = object.deepCopy();
        copy.remove("version");
        copy.put("partner", partner);
        ObjectNode file = CanonicalJson.mapper().createObjectNode();
        file.putArray("liaisons").add(copy);
        List<Liaison> parsed = LiaisonSeed.read(new ByteArrayInputStream(CanonicalJson.mapper().writeValueAsBytes(file)));
        return parsed.get(0);
    }

    public static ObjectNode write(Liaison liaison, int version) {
        ObjectNode json = CanonicalJson.mapper().createObjectNode();
        json.put("partner", liaison.partner().value());
        json.put("version", version);
        json.set("liaison", contact(liaison.liaison()));
        if (liaison.backup() != null) {
            json.set("backup", contact(liaison.backup()));
        }
        ArrayNode channels = json.putArray("channels");
        for (Channel channel : liaison.channels()) {
            ObjectNode c = channels.addObject().put("type", channel.type().name().toLowerCase(Locale.ROOT)).put("address", channel.address());
            if (channel.secretRef() != null) {
                c.put("secretRef", channel.secretRef());
            }
        }
        Duration sla = liaison.responseSla();
        if (sla.toMinutes() % 60 == 0) {
            json.put("responseSlaBusinessHours", sla.toHours());
        } else {
            json.put("responseSlaMinutes", sla.toMinutes());
        }
        json.put("path", liaison.path().name());
        ObjectNode calendar = json.putObject("calendar");
        calendar.put("timeZone", liaison.calendar().zone().getId());
        ArrayNode days = calendar.putArray("workingDays");
        liaison.calendar().workingDays().stream().sorted().forEach(d -> days.add(d.name().substring(0, 3)));
        calendar.put("hours", liaison.calendar().dayStart() + "-" + liaison.calendar().dayEnd());
        ArrayNode holidays = calendar.putArray("holidays");
        liaison.calendar().holidays().forEach(h -> holidays.add(h.toString()));
        return json;
    }

    private static ObjectNode contact(Contact contact) {
        return CanonicalJson.mapper().createObjectNode().put("name", contact.name()).put("email", contact.email());
    }
}
