package io.cmohub.coordination.registry;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real database seen through a proxy that counts the statements prepared on it: how a test sees
 * whether work is set-based (a constant number of statements per chunk) or a loop per slice.
 */
final class CountingDataSource {
    private final AtomicInteger prepared = new AtomicInteger();
    private final DataSource counting;

    CountingDataSource(DataSource real) {
        counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, forward(real, (method, result) -> {
            if (method.equals("getConnection")) {
                Connection connection = (Connection) result;
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, forward(connection, (m, r) -> {
                    if (m.equals("prepareStatement") || m.equals("createStatement") || m.equals("prepareCall")) {
                        prepared.incrementAndGet();
                    }
                    return r;
                }));
            }
            return result;
        }));
    }

    DataSource dataSource() {
        return counting;
    }

    /** Statements prepared since the last call. */
    int takeCount() {
        return prepared.getAndSet(0);
    }

    private interface After {
        Object apply(String method, Object result);
    }

    private static InvocationHandler forward(Object target, After after) {
        return (proxy, method, args) -> {
            try {
                return after.apply(method.getName(), method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
