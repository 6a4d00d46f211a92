package org.example.library;

/** What a librarian asks of one book. */
public sealed interface BookCommand {

    /** Puts a new book on the shelf. */
    record Catalogue(String title) implements BookCommand { }

    /** Lends the book to a member. */
    record Lend(String member) implements BookCommand { }

    /** Takes the book back. */
    record Return() implements BookCommand { }
}
