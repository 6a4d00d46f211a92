package org.example.library;

import dev.annals.decider.CommandHandler;
import dev.annals.decider.CommandOutcome;
import dev.annals.decider.EntityType;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.store.EventStore;

/** The library on an event store: each book is a stream {@code book-ID}, its events decided by {@link BookDecider}. */
public final class Library {

    /** The books: the category, the rules and the stored names of the events. */
    public static final EntityType<BookCommand, Book, BookEvent> BOOKS = new EntityType<>("book", new BookDecider(),
            new EventCodec<>(EventTypeRegistry.builder(BookEvent.class)
                    .register(BookEvent.Catalogued.class, "Catalogued")
                    .register(BookEvent.Lent.class, "Lent")
                    .register(BookEvent.Returned.class, "Returned")
                    .build()));

    private final EventStore store;
    private final CommandHandler<BookCommand, Book, BookEvent> handler;

    /** The library on {@code store}. */
    public Library(EventStore store) {
        this.store = store;
        this.handler = BOOKS.handler(store);
    }

    /** Runs {@code command} on the book {@code id}: its events, or the reason it was refused. */
    public CommandOutcome<BookEvent> handle(String id, BookCommand command) {
        return handler.handle(BOOKS.stream(id), command);
    }

    /** The book {@code id} as its events leave it. */
    public Book book(String id) {
        return BOOKS.states(store).current(BOOKS.stream(id)).state();
    }
}
