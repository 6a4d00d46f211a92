package dev.annals.store.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A {@code DataSource} that notes every request its connections send the server and wait for: each
 * statement executed (by its SQL) and each COMMIT or ROLLBACK. pgjdbc sends BEGIN along with the first
 * statement of a transaction, so the notes are the round trips the store's code asks for.
 */
final class RequestLog {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final DataSource dataSource;

    RequestLog(DataSource target) {
        this.dataSource = proxy(
                DataSource.class,
                target,
                (method, args, result) -> result instanceof Connection c ? connection(c) : result);
    }

    /** The data source to hand the store. */
    DataSource dataSource() {
        return dataSource;
    }

    /** The requests noted since the last {@link #clear()}, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args, result) -> {
            switch (method.getName()) {
                case "commit" -> requests.add("COMMIT");
                case "rollback" -> requests.add("ROLLBACK");
                case "prepareStatement" -> {
                    return statement(PreparedStatement.class, (PreparedStatement) result, (String) args[0]);
                }
                case "createStatement" -> {
                    return statement(Statement.class, (Statement) result, null);
                }
                default -> {}
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S target, String prepared) {
        // Noted before the call, so that a request the server refuses counts too.
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                requests.add(prepared != null ? prepared : (String) args[0]);
            }
            return invoke(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(RequestLog.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** What to do after a call went through to the target: return its result or a wrapped one. */
    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (proxy, method, args) -> after.apply(method, args, invoke(target, method, args));
        return type.cast(Proxy.newProxyInstance(RequestLog.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
