package dev.annals.store.jdbc.projection;

/**
 * A parameter of a {@link SqlContext#batch} write that the statement adds to a row ({@code SET balance =
 * balance + ?}, or an upsert's {@code total + excluded.total}), bound as its {@code amount}. It tells the
 * queue that the write is additive: rows of one statement queued in the same run whose other parameters are
 * equal are merged into one row carrying the sum of their addends, so a batch that touches one row many
 * times (a rebuild replaying an account's deposits) sends the database one write for it instead of one per
 * event.
 *
 * <p>Use it only when running the statement with amount {@code a}, then with {@code b}, leaves the same rows
 * as running it once with {@code a + b}, and in either order: no other column changes per row ({@code events
 * = events + 1} is not additive in the amount, while {@code events = events + ?} with another addend of 1
 * is), no constraint, trigger or {@code RETURNING} looks at the states in between (a {@code CHECK (balance
 * >= 0)} that a withdrawal before its deposit would break is not checked when they merge). Merging never
 * crosses another statement, a flush or the end of the runner's transaction, and a sum that would overflow
 * starts a new row.
 *
 * @param amount what the statement adds
 */
public record Addend(long amount) {

    /** An addend of {@code amount}. */
    public static Addend of(long amount) {
        return new Addend(amount);
    }
}
