package dev.annals.store.jdbc.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queued rows of one statement whose parameters hold {@link Addend}s: rows with equal other parameters
 * become one row with the sum of their addends. The handler that passed the addends vouched that the
 * statement is additive (its rows commute and sum), so the merged rows may run in the order each was first
 * queued. Used by one thread at a time.
 */
final class AdditiveRows {

    private static final Object ADDEND = new Object();

    private final Map<List<Object>, Object[]> rows = new LinkedHashMap<>();
    private boolean[] shape;

    /** Where {@code parameters} hold addends, or null when they hold none. */
    static boolean[] shapeOf(Object[] parameters) {
        boolean[] shape = null;
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof Addend) {
                if (shape == null) {
                    shape = new boolean[parameters.length];
                }
                shape[i] = true;
            }
        }
        return shape;
    }

    /**
     * Merges {@code parameters}, of {@code rowShape}, into the rows; false (and nothing changed) when the
     * row has another shape than those queued, or when a sum would overflow: then run these first.
     */
    boolean add(Object[] parameters, boolean[] rowShape) {
        if (shape != null && !Arrays.equals(shape, rowShape)) {
            return false;
        }
        var key = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            key[i] = rowShape[i] ? ADDEND : parameters[i];
        }
        var keyList = Arrays.asList(key);
        var merged = rows.get(keyList);
        if (merged == null) {
            rows.put(keyList, parameters.clone());
            shape = rowShape;
            return true;
        }
        var sums = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            if (!rowShape[i]) {
                continue;
            }
            try {
                sums[i] = Addend.of(Math.addExact(((Addend) merged[i]).amount(), ((Addend) parameters[i]).amount()));
            } catch (ArithmeticException overflow) {
                return false;
            }
        }
        for (int i = 0; i < parameters.length; i++) {
            if (rowShape[i]) {
                merged[i] = sums[i];
            }
        }
        return true;
    }

    /** Rows queued, after merging. */
    int size() {
        return rows.size();
    }

    /** Adds the merged rows to {@code statement}'s batch and forgets them. */
    void addBatchTo(PreparedStatement statement) throws SQLException {
        try {
            for (Object[] row : rows.values()) {
                bind(statement, row);
                statement.addBatch();
            }
        } finally {
            clear();
        }
    }

    /** Forgets the rows. */
    void clear() {
        rows.clear();
        shape = null;
    }

    /** Binds {@code parameters} to {@code statement}, each addend as its amount. */
    static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            var parameter = parameters[i];
            statement.setObject(i + 1, parameter instanceof Addend addend ? addend.amount() : parameter);
        }
    }
}
