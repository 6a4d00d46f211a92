package org.example.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.annals.backend.Backends;
import dev.annals.backend.OpenOptions;
import dev.annals.decider.CommandOutcome;
import dev.annals.snapshot.SnapshotStore;
import java.time.LocalDate;
import org.example.library.BookCommand.Catalogue;
import org.example.library.BookCommand.Lend;
import org.example.library.BookCommand.Return;
import org.junit.jupiter.api.Test;

/** What the library does on any store; each backend's test gives the location. */
abstract class LibraryContract {

    private static final LocalDate MAY_4 = LocalDate.of(2026, 5, 4);

    /** Where the store under test is. */
    abstract String location();

    @Test
    void a_loan_is_in_the_read_model_as_soon_as_the_command_returns() {
        try (var library = Library.open(location())) {
            library.handle("42", new Catalogue("Dune"));
            library.handle("7", new Catalogue("Emma"));
            library.handle("42", new Lend("ann", MAY_4));
            library.handle("7", new Lend("bob", MAY_4.plusDays(2)));

            // No waiting here: handle returned once the projection had processed the loans.
            assertThat(library.overdueOn(LocalDate.of(2026, 5, 26)))
                    .containsExactly(new Loan("book-42", "ann", LocalDate.of(2026, 5, 25)));
            assertThat(library.overdueOn(LocalDate.of(2026, 6, 1)))
                    .containsExactly(
                            new Loan("book-42", "ann", LocalDate.of(2026, 5, 25)),
                            new Loan("book-7", "bob", LocalDate.of(2026, 5, 27)));

            library.handle("42", new Return(LocalDate.of(2026, 5, 30)));
            assertThat(library.overdueOn(LocalDate.of(2026, 6, 1)))
                    .containsExactly(new Loan("book-7", "bob", LocalDate.of(2026, 5, 27)));
        }
    }

    @Test
    void a_refused_command_writes_nothing_and_says_why() {
        try (var library = Library.open(location())) {
            library.handle("42", new Catalogue("Dune"));
            long head = library.store().headPosition();

            var refused = library.handle("42", new Return(MAY_4));

            assertThat(refused).isInstanceOfSatisfying(CommandOutcome.Rejected.class, rejected -> assertThat(
                            rejected.reason())
                    .isEqualTo("'Dune' is on the shelf"));
            assertThat(library.store().headPosition()).isEqualTo(head);
        }
    }

    @Test
    void loans_and_due_dates_outlive_a_restart() {
        try (var library = Library.open(location())) {
            library.handle("42", new Catalogue("Dune"));
            library.handle("42", new Lend("ann", MAY_4));
        }
        try (var library = Library.open(location())) {
            assertThat(Library.BOOKS
                            .states(library.store())
                            .current(Library.BOOKS.stream("42"))
                            .state())
                    .isEqualTo(new Book("Dune", "ann", LocalDate.of(2026, 5, 25)));
            assertThat(library.overdueOn(LocalDate.of(2026, 6, 1))).extracting(Loan::member).containsExactly("ann");
        }
    }

    @Test
    void a_book_lent_often_is_loaded_from_a_snapshot_that_keeps_its_due_date() {
        try (var library = Library.open(location())) {
            library.handle("42", new Catalogue("Dune"));
            for (int week = 0; week < 26; week++) {
                library.handle("42", new Lend("ann", MAY_4.plusWeeks(week)));
                library.handle("42", new Return(MAY_4.plusWeeks(week).plusDays(3)));
            }
            library.handle("42", new Lend("bob", LocalDate.of(2026, 12, 1)));
        }
        try (var deployment = Backends.installed().open(location(), OpenOptions.defaults())) {
            // 54 events: the loads past the 50th folded enough of them to save the state.
            var snapshots = deployment.require(SnapshotStore.class, "snapshot store").list("book-42");
            assertThat(snapshots).isNotEmpty();
            assertThat(snapshots.getLast().state()).containsPattern("\"due\":\"\\d{4}-\\d{2}-\\d{2}\"");
            assertThat(Library.BOOKS
                            .states(deployment.store())
                            .current(Library.BOOKS.stream("42"))
                            .state())
                    .isEqualTo(new Book("Dune", "bob", LocalDate.of(2026, 12, 22)));
        }
    }
}
