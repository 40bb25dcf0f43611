package io.cmohub.coordination.packstates;

import io.cmohub.euhub.EuHubFaultException;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.EuHubOperation;
import io.cmohub.euhub.EuHubTransientException;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.PackStateResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The binding, down on demand (transient failures), and refusing one serial with a business fault. */
final class FlakyHub extends ForwardingHub {
    volatile boolean down;
    volatile String faultSerial;
    /** The Hub answers garbage (a proxy's HTML page, a 401): a protocol failure, not a fault of any pack. */
    volatile boolean garbled;
    final AtomicInteger refused = new AtomicInteger();

    FlakyHub(EuHubGateway delegate) {
        super(delegate);
    }

    private void check(List<PackQuery> queries, EuHubOperation operation) {
        if (down) {
            refused.incrementAndGet();
            throw new EuHubTransientException(operation, "connection refused", null);
        }
        if (garbled) {
            refused.incrementAndGet();
            throw new io.cmohub.euhub.EuHubProtocolException(operation, "HTTP 401 with an HTML body where a SOAP answer was expected", null);
        }
        for (PackQuery q : queries) {
            if (q.serial().value().equals(faultSerial)) {
                throw new EuHubFaultException(operation, "E-PACK-LOCKED", "pack " + q.serial() + " is under investigation and may not be queried");
            }
        }
    }

    @Override
    public PackStateResult requestPackState(PackQuery query) {
        check(List.of(query), EuHubOperation.GET_PACK_STATE);
        return delegate.requestPackState(query);
    }

    @Override
    public List<PackStateResult> requestPackStates(List<PackQuery> queries) {
        check(queries, EuHubOperation.GET_PACK_STATES);
        return delegate.requestPackStates(queries);
    }
}
