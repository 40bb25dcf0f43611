package io.cmohub.connector.codes;

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
    private final CodeList<ProductCode> table;
    private final String property;
    private final boolean acceptCodes;

    public ProductCodes(String property, String text, CodeList.Matching matching, boolean acceptCodes, List<String> problems) {
        this.table = CodeList.parse(property, text, matching, ProductCode::parse, problems);
        this.property = property;
        this.acceptCodes = acceptCodes;
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
