package org.example.library;

import dev.annals.projection.Projection;
import dev.annals.store.ReadSource;
import dev.annals.store.jdbc.projection.ReadModelTable;
import dev.annals.store.jdbc.projection.SqlContext;
import java.util.List;
import org.example.library.BookEvent.Lent;
import org.example.library.BookEvent.Returned;

/** The read side: which book is out, with whom, until when. One row per book on loan. */
public final class Loans {

    /** The read model's table. Dates are ISO text, so they sort and compare alike on SQLite and PostgreSQL. */
    public static final List<ReadModelTable> TABLES =
            List.of(ReadModelTable.of("loans", "book TEXT PRIMARY KEY, member TEXT NOT NULL, due TEXT NOT NULL"));

    /** Fed by the book category's events, decoded with the books' codec. */
    public static final Projection<SqlContext> PROJECTION = Projection.<SqlContext>builder("loans")
            .source(new ReadSource.Category(Library.BOOKS.category()))
            .events(Library.BOOKS.codec())
            .on(Lent.class, (lent, tx) -> tx.update(
                    "INSERT INTO {loans} (book, member, due) VALUES (?, ?, ?)",
                    tx.event().stream(),
                    lent.member(),
                    lent.due().toString()))
            .on(Returned.class, (returned, tx) -> tx.update("DELETE FROM {loans} WHERE book = ?", tx.event().stream()))
            .build();

    private Loans() {}
}
