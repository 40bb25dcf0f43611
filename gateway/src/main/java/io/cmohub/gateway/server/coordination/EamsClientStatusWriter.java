package io.cmohub.gateway.server.coordination;

import io.cmohub.model.OrganisationType;
import io.cmohub.coordination.alert.eams.EamsClient;
import io.cmohub.coordination.cases.EamsStatusWriter;
import io.cmohub.coordination.cases.EamsUpdate;
import java.util.Objects;

/**
 * Case progress written back through the alert-intake EAMS client: the alert status, then the MAH
 * investigation status. Both calls set absolute values, so a repeated update (the outbox is
 * at-least-once) is harmless; a failure is thrown so the outbox retries it.
 */
public final class EamsClientStatusWriter implements EamsStatusWriter {
    private final EamsClient client;

    public EamsClientStatusWriter(EamsClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void write(EamsUpdate update) {
        client.setStatus(update.alertId(), update.status(), update.reason(), null);
        if (update.mahInvestigation() != null) {
            client.setInvestigation(update.alertId(), OrganisationType.MAH, update.mahInvestigation());
        }
    }
}
