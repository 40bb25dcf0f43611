package io.cmohub.routes.templates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.partner.PartnerProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partner (CMO) to register at start-up: the same shape as the gateway's
 * {@code cmohub.partners[n]}. An embedded hub needs at least one, because every document is
 * authorised against its partner's products, sites and formats.
 *
 * <p>Hosts without Spring list them in a JSON file ({@link #read}): an array of
 * {@code {"id", "name", "products", "sites", "formats": {"<format>": {"filePattern", "config"}}}}.
 *
 * @param apiKey             only for the gateway's HTTP API; stored as a SHA-256 digest; may be null
 * @param certificateSubject only for the gateway's mutual TLS; may be null
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PartnerSeed(String id, String name, String apiKey, String certificateSubject, List<String> products, List<String> sites,
                          Map<String, Format> formats) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public PartnerSeed {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a partner seed needs an id");
        }
        name = name == null || name.isBlank() ? id : name;
        io.cmohub.routes.partner.ApiKeyRule.require("the API key of partner " + id, apiKey);
        products = products == null ? List.of() : List.copyOf(products);
        sites = sites == null ? List.of() : List.copyOf(sites);
        formats = formats == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(formats));
    }

    /**
     * A format the partner sends.
     *
     * @param filePattern glob that picks this format for a file name when a route does not name the format
     * @param config      the connector's configuration for this partner
     */
    public record Format(String filePattern, Map<String, String> config) {
        public Format {
            filePattern = filePattern == null || filePattern.isBlank() ? "*" : filePattern;
            config = config == null ? Map.of() : Map.copyOf(config);
        }
    }

    /** The registry's profile; the value types validate the product codes and site ids. */
    public PartnerProfile toProfile() {
        return new PartnerProfile(PartnerId.of(id), name, true,
                products.stream().map(ProductCode::of).collect(java.util.stream.Collectors.toSet()),
                sites.stream().map(SiteId::of).collect(java.util.stream.Collectors.toSet()),
                formats.entrySet().stream()
                        .map(f -> new PartnerProfile.PartnerFormat(f.getKey(), f.getValue().filePattern(), f.getValue().config()))
                        .toList());
    }

    public static List<PartnerSeed> read(InputStream json) throws IOException {
        return Arrays.asList(JSON.readValue(json, PartnerSeed[].class));
    }

    /** Reads the seeds from {@code classpath:<resource>} or from a file path. */
    public static List<PartnerSeed> read(String location, ClassLoader classLoader) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
            try (InputStream in = classLoader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("partner seeds " + location + " not found on the classpath");
                }
                return read(in);
            }
        }
        try (InputStream in = Files.newInputStream(Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location))) {
            return read(in);
        }
    }
}
