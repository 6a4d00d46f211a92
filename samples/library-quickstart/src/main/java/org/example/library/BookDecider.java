package org.example.library;

import static dev.annals.decider.Decision.accept;
import static dev.annals.decider.Decision.reject;

import dev.annals.decider.Decider;
import dev.annals.decider.Decision;
import java.time.Period;
import org.example.library.BookCommand.Catalogue;
import org.example.library.BookCommand.Lend;
import org.example.library.BookCommand.Return;
import org.example.library.BookEvent.Catalogued;
import org.example.library.BookEvent.Lent;
import org.example.library.BookEvent.Returned;

/** The lending rules: a book is lent to one member at a time, for three weeks, and only a lent book comes back. */
public final class BookDecider implements Decider<BookCommand, Book, BookEvent> {

    /** How long a member may keep a book. */
    public static final Period LOAN_PERIOD = Period.ofWeeks(3);

    @Override
    public Book initialState() {
        return Book.UNKNOWN;
    }

    @Override
    public Decision<BookEvent> decide(BookCommand command, Book book) {
        if (!book.catalogued() && !(command instanceof Catalogue)) {
            return reject("the book is not catalogued");
        }
        return switch (command) {
            case Catalogue catalogue ->
                book.catalogued()
                        ? reject("the book is catalogued already as '" + book.title() + "'")
                        : accept(new Catalogued(catalogue.title()));
            case Lend lend ->
                book.lent()
                        ? reject("'" + book.title() + "' is lent to " + book.borrower() + " until " + book.due())
                        : accept(new Lent(lend.member(), lend.on().plus(LOAN_PERIOD)));
            case Return returned ->
                book.lent()
                        ? accept(new Returned(book.borrower(), returned.on()))
                        : reject("'" + book.title() + "' is on the shelf");
        };
    }

    @Override
    public Book evolve(Book book, BookEvent event) {
        return switch (event) {
            case Catalogued catalogued -> new Book(catalogued.title(), "", null);
            case Lent lent -> new Book(book.title(), lent.member(), lent.due());
            case Returned ignored -> new Book(book.title(), "", null);
        };
    }
}
