package dev.annals.bench.compare.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's transaction manager and connection provider over a {@link ConnectionPool}, as a Spring
 * transaction manager with a pooled data source would provide them: a transaction binds a connection to
 * the thread, and every connection Axon asks for inside it is that one (Axon closes what it is given, so
 * it is given a view whose close does nothing). Outside a transaction, Axon gets a connection whose close
 * ends its read and gives it back.
 */
public final class ThreadBoundTransactions implements TransactionManager, ConnectionProvider {

    private final ConnectionPool pool;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    public ThreadBoundTransactions(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public Transaction startTransaction() {
        Connection connection;
        try {
            connection = pool.borrow();
        } catch (SQLException e) {
            throw new IllegalStateException("could not begin a transaction: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a connection", e);
        }
        bound.set(connection);
        return new Transaction() {
            @Override
            public void commit() {
                end(connection, true);
            }

            @Override
            public void rollback() {
                end(connection, false);
            }
        };
    }

    private void end(Connection connection, boolean commit) {
        bound.remove();
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not end a transaction: " + e.getMessage(), e);
        } finally {
            pool.giveBack(connection);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = bound.get();
        if (connection != null) {
            return view(connection, () -> {});
        }
        try {
            Connection borrowed = pool.borrow();
            return view(borrowed, () -> {
                borrowed.rollback();
                pool.giveBack(borrowed);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", e);
        }
    }

    private interface OnClose {
        void run() throws SQLException;
    }

    private static Connection view(Connection connection, OnClose onClose) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            onClose.run();
                            return null;
                        }
                        case "isClosed" -> {
                            return false;
                        }
                        default -> {
                            try {
                                return method.invoke(connection, arguments);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }
}
