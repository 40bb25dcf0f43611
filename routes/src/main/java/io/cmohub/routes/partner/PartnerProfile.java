package io.cmohub.routes.partner;

import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partner as the registry knows it: the products and sites it may report on, and the formats it
 * may send with the connector configuration for each.
 */
public record PartnerProfile(PartnerId id, String name, boolean enabled, Set<ProductCode> products, Set<SiteId> sites,
                             List<PartnerFormat> formats) {

    public PartnerProfile {
        products = Set.copyOf(products);
        sites = Set.copyOf(sites);
        formats = List.copyOf(formats);
    }

    /**
     * A format the partner sends.
     *
     * @param filePattern glob for files dropped in the partner's inbox, e.g. {@code *.csv}
     * @param config      connector configuration
     */
    public record PartnerFormat(String formatId, String filePattern, Map<String, String> config) {
        public PartnerFormat {
            config = Map.copyOf(config);
        }
    }

    public java.util.Optional<PartnerFormat> format(String formatId) {
        return formats.stream().filter(f -> f.formatId().equals(formatId)).findFirst();
    }

    /**
     * The formats a document of this partner may be in when the sender did not say: the only one
     * registered, or else those whose file pattern matches {@code fileName} (none when it is null).
     */
    public List<PartnerFormat> formatsFor(String fileName) {
        if (formats.size() == 1) {
            return formats;
        }
        if (fileName == null || fileName.isBlank()) {
            return List.of();
        }
        java.nio.file.Path name;
        try {
            name = java.nio.file.Path.of(fileName).getFileName();
        } catch (java.nio.file.InvalidPathException e) {
            return List.of();
        }
        return formats.stream()
                .filter(f -> java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + f.filePattern()).matches(name))
                .toList();
    }
}
