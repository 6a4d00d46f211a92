package dev.annals.serialization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Test events of a library's loans, with the {@code java.time} and {@code Optional} fields a team writes. */
sealed interface LoanEvent {

    record BookLent(String member, LocalDate due, Instant at) implements LoanEvent {}

    record BookReturned(LocalDate on, Optional<String> note) implements LoanEvent {}

    /** A sub-interface: its records are the base type's too. */
    sealed interface Fine extends LoanEvent {}

    record FineCharged(long cents) implements Fine {}
}
