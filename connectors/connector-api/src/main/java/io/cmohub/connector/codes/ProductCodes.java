package io.cmohub.connector.codes;

import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.ConfigProperty;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.ProductCode;
import java.util.List;

/**
 * Turns SAP material numbers (MATNR) into canonical product codes: by
 * the configured table first, then, if allowed, by accepting an id that already is a 14-digit GTIN
 * or a PPN. Shorter GTIN forms are not guessed from an id: an 8-, 12- or 13-digit material number
 * would pass a check digit one time in ten by chance and silently name the wrong product.
 */
public final class ProductCodes {
    /** The configuration property holding the table, the same name in every connector that has one. */
    public static final String PROPERTY = "product-codes";
    /** Whether ids that already are product codes need no table entry. */
    public static final String ACCEPT_PROPERTY = "accept-product-code-ids";

    private final CodeList<ProductCode> table;
    private final String property;
    private final boolean acceptCodes;

    public ProductCodes(String property, String text, CodeList.Matching matching, boolean acceptCodes, List<String> problems) {
        this.table = CodeList.parse(property, text, matching, ProductCode::parse, problems);
        this.property = property;
        this.acceptCodes = acceptCodes;
    }

    /**
     * The two properties a connector declares to resolve local ids.
     *
     * @param ids     what the partner's ids are called in this format, e.g. "Material ids (MaterialDefinitionID)"
     * @param example a table entry for the description, e.g. "Cough Syrup=05012345678900"
     */
    public static List<ConfigProperty> properties(String ids, String example) {
        return List.of(
                ConfigProperty.optional(PROPERTY, "Product codes of local ids",
                        ids + " mapped to GTIN-14 or PPN, as id=code separated by ';', e.g. '" + example + "'. Ids are compared without "
                                + "regard to case. A record whose id is not listed (and is not itself a product code) is rejected.",
                        ConfigProperty.Type.STRING, ""),
                ConfigProperty.optional(ACCEPT_PROPERTY, "Accept ids that are product codes",
                        "When true, an id that is itself a valid 14-digit GTIN or 12-character PPN needs no product-codes entry. Shorter GTIN "
                                + "forms are never guessed from an id.",
                        ConfigProperty.Type.BOOLEAN, "true"));
    }

    /** The table a connector configured with {@link #properties}; problems in it are added to {@code problems}. */
    public static ProductCodes from(ConnectorConfig config, CodeList.Matching matching, List<String> problems) {
        return new ProductCodes(PROPERTY, config.string(PROPERTY), matching, config.bool(ACCEPT_PROPERTY), problems);
    }

    public ProductCode resolve(String localId) {
        var mapped = table.find(localId);
        if (mapped.isPresent()) {
            return mapped.get();
        }
        if (acceptCodes && (localId.length() == 14 || localId.length() == 12) && localId.chars().allMatch(c -> c < 128)) {
            try {
                return ProductCode.of(localId);
            } catch (InvalidValueException e) {
                // not a product code itself: fall through to the mapping hint
            }
        }
        throw new InvalidValueException("material '" + localId + "' has no product code; add it to " + property
                + " (e.g. " + localId + "=05012345678900)");
    }
}
