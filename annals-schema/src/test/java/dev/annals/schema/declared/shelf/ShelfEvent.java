package dev.annals.schema.declared.shelf;

/** Test events whose registry is declared one package up, in {@code Shelves}. */
public sealed interface ShelfEvent {

    record Shelved(String title, int row) implements ShelfEvent {}

    record Unshelved(String title) implements ShelfEvent {}
}
