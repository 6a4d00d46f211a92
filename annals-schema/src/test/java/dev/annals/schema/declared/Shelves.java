package dev.annals.schema.declared;

import dev.annals.schema.declared.shelf.ShelfEvent;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;

/** Declares the test registries the way an application does: public static members. */
public final class Shelves {

    public static final EventCodec<ShelfEvent> SHELF = new EventCodec<>(EventTypeRegistry.builder(ShelfEvent.class)
            .register(ShelfEvent.Shelved.class, "Shelved", 2)
            .register(ShelfEvent.Unshelved.class, "Unshelved")
            .upcast("Shelved", 1, java.util.List::of)
            .build());

    private Shelves() {}

    /** The same registry through a method: found once, not twice. */
    public static EventTypeRegistry<ShelfEvent> shelfRegistry() {
        return SHELF.registry();
    }

    /** Not a declaration: it takes a parameter. */
    public static EventTypeRegistry<ShelfEvent> registryFor(String ignored) {
        throw new AssertionError("never called by the search");
    }
}
