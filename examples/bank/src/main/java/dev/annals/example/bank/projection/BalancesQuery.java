package dev.annals.example.bank.projection;

import dev.annals.store.jdbc.projection.JdbcReadModels;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reads the {@code balances} read model (through its view). It answers what the projection has processed
 * so far: wait for a position with {@link BankReadSide#awaitPosition} first to read your own writes.
 */
public final class BalancesQuery {

    /** The most rows {@link #all()} returns. */
    public static final int MAX_ROWS = 1000;

    private final JdbcReadModels database;

    /** A query over the read models in {@code database}. */
    public BalancesQuery(JdbcReadModels database) {
        this.database = requireNonNull(database, "database");
    }

    /** Every account's balance, by account name, at most {@link #MAX_ROWS}. */
    public List<Balance> all() {
        return select(
                "SELECT account, owner, balance, status FROM balances ORDER BY account LIMIT " + MAX_ROWS,
                Optional.empty());
    }

    /** The balance of account stream {@code account}; empty when the projection has not seen it opened. */
    public Optional<Balance> of(String account) {
        requireNonNull(account, "account");
        return select("SELECT account, owner, balance, status FROM balances WHERE account = ?", Optional.of(account))
                .stream()
                .findFirst();
    }

    private List<Balance> select(String sql, Optional<String> account) {
        try (var connection = database.connections().open();
                var statement = connection.prepareStatement(sql)) {
            if (account.isPresent()) {
                statement.setString(1, account.get());
            }
            try (ResultSet rows = statement.executeQuery()) {
                var balances = new ArrayList<Balance>();
                while (rows.next()) {
                    balances.add(new Balance(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4)));
                }
                return balances;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the balances read model could not be read: " + e.getMessage(), e);
        }
    }
}
