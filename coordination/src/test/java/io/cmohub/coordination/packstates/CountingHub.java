package io.cmohub.coordination.packstates;

import io.cmohub.euhub.EuHubGateway;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.PackStateResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Records every pack asked and counts bulk calls; {@code afterBulkCall} runs after each bulk answer. */
final class CountingHub extends ForwardingHub {
    final List<PackQuery> asked = new CopyOnWriteArrayList<>();
    final AtomicInteger bulkCalls = new AtomicInteger();
    volatile Consumer<Integer> afterBulkCall = calls -> {
    };

    CountingHub(EuHubGateway delegate) {
        super(delegate);
    }

    @Override
    public PackStateResult requestPackState(PackQuery query) {
        PackStateResult result = delegate.requestPackState(query);
        asked.add(query);
        return result;
    }

    @Override
    public List<PackStateResult> requestPackStates(List<PackQuery> queries) {
        int calls = bulkCalls.incrementAndGet();
        try {
            List<PackStateResult> results = delegate.requestPackStates(queries);
            asked.addAll(queries);
            return results;
        } finally {
            afterBulkCall.accept(calls);
        }
    }
}
