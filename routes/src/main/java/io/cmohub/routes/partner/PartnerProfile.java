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
}
