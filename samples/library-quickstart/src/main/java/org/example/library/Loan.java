package org.example.library;

import java.time.LocalDate;

/**
 * A row of the loans read model.
 *
 * @param book   the book's stream, such as {@code book-42}
 * @param member who has it
 * @param due    when it is due back
 */
public record Loan(String book, String member, LocalDate due) {}
