package org.example.library;

import dev.annals.backend.Backends;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.decider.CommandHandler;
import dev.annals.decider.CommandOutcome;
import dev.annals.decider.EntityType;
import dev.annals.projection.ProjectionOptions;
import dev.annals.projection.ProjectionRunner;
import dev.annals.snapshot.SnapshotPolicy;
import dev.annals.store.EventStore;
import dev.annals.store.jdbc.projection.JdbcReadModelStore;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import dev.annals.store.jdbc.projection.SqlContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The library on a store given by its location ({@code library-data}, or
 * {@code postgresql://host:5432/db?schema=library}): the books' commands, and the loans read model kept up to date
 * beside the events. Nothing here names a backend.
 */
public final class Library implements AutoCloseable {

    /** The books: each is a stream {@code book-ID}; its state is snapshotted every 50 events. */
    public static final EntityType<BookCommand, Book, BookEvent> BOOKS = EntityType.of(
                    "book", new BookDecider(), BookEvent.class)
            .withSnapshots(Book.class, 1, SnapshotPolicy.every(50));

    // A command returns once the loans read model has its events, so the caller's next query sees them.
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(10);

    private final Deployment deployment;
    private final JdbcReadModels readModels;
    private final JdbcReadModelStore loans;
    private final ProjectionRunner<SqlContext> runner;
    private final CommandHandler<BookCommand, Book, BookEvent> books;

    private Library(Deployment deployment) {
        this.deployment = deployment;
        this.readModels = deployment.require(JdbcReadModels.class, "SQL read models");
        this.loans = readModels.store(Loans.TABLES);
        this.runner = ProjectionRunner.start(Loans.PROJECTION, deployment.store(), loans, ProjectionOptions.defaults());
        this.books = BOOKS.handler(deployment);
    }

    /** Opens the library on the store at {@code location}, creating it when it is new. */
    public static Library open(String location) {
        return new Library(Backends.installed().open(location, OpenOptions.defaults()));
    }

    /** Runs {@code command} on the book {@code id}; when accepted, the loans read model holds its events. */
    public CommandOutcome<BookEvent> handle(String id, BookCommand command) {
        return books.handleAndAwait(BOOKS.stream(id), command, READ_YOUR_WRITES, runner);
    }

    /** The books still out after {@code day}, the longest overdue first. */
    public List<Loan> overdueOn(LocalDate day) {
        return readModels.query(
                "SELECT book, member, due FROM loans WHERE due < ? ORDER BY due, book",
                row -> new Loan(row.getString(1), row.getString(2), LocalDate.parse(row.getString(3))),
                day.toString());
    }

    /** The event store, to serve or to read directly. */
    public EventStore store() {
        return deployment.store();
    }

    @Override
    public void close() {
        runner.close();
        loans.close();
        deployment.close();
    }
}
