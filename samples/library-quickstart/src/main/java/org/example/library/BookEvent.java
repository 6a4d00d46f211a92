package org.example.library;

/** What happened to one book. */
public sealed interface BookEvent {

    /** The book was put on the shelf. */
    record Catalogued(String title) implements BookEvent { }

    /** The book was lent to a member. */
    record Lent(String member) implements BookEvent { }

    /** The book came back. */
    record Returned(String member) implements BookEvent { }
}
