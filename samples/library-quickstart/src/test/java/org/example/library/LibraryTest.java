package org.example.library;

import dev.annals.decider.CommandOutcome;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.testkit.fixture.DeciderFixture;
import org.example.library.BookCommand.Catalogue;
import org.example.library.BookCommand.Lend;
import org.example.library.BookCommand.Return;
import org.example.library.BookEvent.Catalogued;
import org.example.library.BookEvent.Lent;
import org.example.library.BookEvent.Returned;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LibraryTest {

    private final DeciderFixture<BookCommand, Book, BookEvent> book = DeciderFixture.of(new BookDecider());

    @TempDir
    Path data;

    @Test
    void lends_a_book_on_the_shelf() {
        book.given(new Catalogued("Dune")).when(new Lend("ann")).then(new Lent("ann"));
    }

    @Test
    void refuses_to_lend_a_book_a_member_has() {
        book.given(new Catalogued("Dune"), new Lent("ann"))
                .when(new Lend("bob"))
                .thenRejected("'Dune' is lent to ann");
    }

    @Test
    void a_book_lent_and_returned_is_on_the_shelf_again_after_a_restart_of_the_embedded_store() {
        try (var store = SqliteEventStore.open(data)) {
            var library = new Library(store);
            assertThat(library.handle("42", new Catalogue("Dune"))).isInstanceOf(CommandOutcome.Accepted.class);
            assertThat(library.handle("42", new Lend("ann"))).isInstanceOf(CommandOutcome.Accepted.class);
            assertThat(library.handle("42", new Lend("bob"))).isInstanceOf(CommandOutcome.Rejected.class);
            assertThat(library.handle("42", new Return())).isInstanceOf(CommandOutcome.Accepted.class);
        }

        try (var store = SqliteEventStore.open(data)) {
            assertThat(new Library(store).book("42")).isEqualTo(new Book("Dune", ""));
            assertThat(store.readStream("book-42").map(event -> event.type()).toList())
                    .containsExactly("Catalogued", "Lent", "Returned");
        }
    }
}
