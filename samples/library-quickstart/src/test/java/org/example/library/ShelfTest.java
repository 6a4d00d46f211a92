package org.example.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.server.AnnalsServer;
import dev.annals.server.ServerOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import org.example.library.BookCommand.Catalogue;
import org.example.library.BookCommand.Lend;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ShelfTest {

    @TempDir
    Path data;

    @Test
    void reads_a_lent_book_and_its_due_date_through_the_java_client() {
        try (var library = Library.open(data.toString());
                // As `annals serve` does, in this process, on a free port of 127.0.0.1.
                var server = AnnalsServer.start(library.store(), ServerOptions.defaults().withPort(0))) {
            library.handle("42", new Catalogue("Dune"));
            library.handle("42", new Lend("ann", LocalDate.of(2026, 5, 4)));

            try (var shelf = Shelf.at("http://127.0.0.1:" + server.port())) {
                assertThat(shelf.book("42")).isEqualTo(new Book("Dune", "ann", LocalDate.of(2026, 5, 25)));
                assertThat(shelf.book("43")).isEqualTo(Book.UNKNOWN);
            }
        }
    }
}
