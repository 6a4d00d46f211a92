package org.example.library;

import dev.annals.testkit.fixture.DeciderFixture;
import java.time.LocalDate;
import org.example.library.BookCommand.Lend;
import org.example.library.BookCommand.Return;
import org.example.library.BookEvent.Catalogued;
import org.example.library.BookEvent.Lent;
import org.example.library.BookEvent.Returned;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

// The fixture runs every event through the entity type's codec, so a date that would not store fails here.
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BookDeciderTest {

    private static final LocalDate MAY_4 = LocalDate.of(2026, 5, 4);

    private final DeciderFixture<BookCommand, Book, BookEvent> book = DeciderFixture.of(Library.BOOKS);

    @Test
    void lends_a_book_on_the_shelf_for_three_weeks() {
        book.given(new Catalogued("Dune"))
                .when(new Lend("ann", MAY_4))
                .then(new Lent("ann", LocalDate.of(2026, 5, 25)));
    }

    @Test
    void refuses_to_lend_a_book_a_member_has() {
        book.given(new Catalogued("Dune"), new Lent("ann", MAY_4))
                .when(new Lend("bob", MAY_4))
                .thenRejected("'Dune' is lent to ann until 2026-05-04");
    }

    @Test
    void takes_a_book_back_from_its_borrower() {
        book.given(new Catalogued("Dune"), new Lent("ann", MAY_4))
                .when(new Return(MAY_4.plusDays(30)))
                .then(new Returned("ann", LocalDate.of(2026, 6, 3)));
    }

    @Test
    void refuses_to_take_back_a_book_on_the_shelf() {
        book.given(new Catalogued("Dune")).when(new Return(MAY_4)).thenRejected("'Dune' is on the shelf");
    }
}
