package org.example.library;

import java.time.LocalDate;

/** What a librarian asks of one book. */
public sealed interface BookCommand {

    /** Puts a new book on the shelf. */
    record Catalogue(String title) implements BookCommand {}

    /** Lends the book to a member on the day {@code on}. */
    record Lend(String member, LocalDate on) implements BookCommand {}

    /** Takes the book back on the day {@code on}. */
    record Return(LocalDate on) implements BookCommand {}
}
