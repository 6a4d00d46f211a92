package org.example.library;

import java.time.LocalDate;

/**
 * A book as the rules see it.
 *
 * @param title    its title, empty before it is catalogued
 * @param borrower the member who has it, empty when it is on the shelf
 * @param due      the day it is due back, null when it is on the shelf
 */
public record Book(String title, String borrower, LocalDate due) {

    /** A book not catalogued yet. */
    public static final Book UNKNOWN = new Book("", "", null);

    /** True once catalogued. */
    public boolean catalogued() {
        return !title.isEmpty();
    }

    /** True while a member has it. */
    public boolean lent() {
        return !borrower.isEmpty();
    }
}
