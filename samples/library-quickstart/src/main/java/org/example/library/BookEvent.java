package org.example.library;

import java.time.LocalDate;

/** What happened to one book; each record is stored under its simple name ("Lent", ...). */
public sealed interface BookEvent {

    /** The book was put on the shelf. */
    record Catalogued(String title) implements BookEvent {}

    /** The book was lent to a member, to bring back by {@code due}. */
    record Lent(String member, LocalDate due) implements BookEvent {}

    /** The book came back on the day {@code on}. */
    record Returned(String member, LocalDate on) implements BookEvent {}
}
