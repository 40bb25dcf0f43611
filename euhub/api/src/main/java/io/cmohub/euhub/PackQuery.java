package io.cmohub.euhub;

import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import java.util.Objects;

/**
 * Which pack to look up. The market is optional: with it, the Hub also says whether the pack's
 * batch was uploaded for that market and what the product's state is there.
 */
public record PackQuery(ProductCode product, SerialNumber serial, Market market) {

    public PackQuery {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(serial, "serial");
    }

    public static PackQuery of(ProductCode product, SerialNumber serial) {
        return new PackQuery(product, serial, null);
    }

    public static PackQuery of(String product, String serial, String market) {
        return new PackQuery(ProductCode.of(product), SerialNumber.of(serial), market == null ? null : Market.of(market));
    }

    @Override
    public String toString() {
        return product + "/" + serial + (market == null ? "" : " in " + market);
    }
}
