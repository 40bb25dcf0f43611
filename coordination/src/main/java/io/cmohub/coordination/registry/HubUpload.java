package io.cmohub.coordination.registry;

import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Market;
import java.time.Instant;
import java.util.Set;

/** The EU Hub side of a registered batch, as last checked: status, uploaded serials, expiry and markets the Hub holds. */
public record HubUpload(HubUploadStatus status, Long uploadedSerials, Expiry expiry, Set<Market> markets, Instant checkedAt, String detail) {
    public HubUpload {
        markets = markets == null ? Set.of() : Set.copyOf(markets);
    }

    public static HubUpload notChecked() {
        return new HubUpload(HubUploadStatus.NOT_CHECKED, null, null, Set.of(), null, null);
    }
}
