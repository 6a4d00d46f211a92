package org.example.loans;

import java.time.LocalDate;

/** What happens to a loan. The changes under test: Lent has a due date (v2), and Renewed is new. */
public sealed interface LoanEvent {

    record Lent(String member, LocalDate due) implements LoanEvent {}

    record Returned(String member) implements LoanEvent {}

    record Renewed(String member, LocalDate due) implements LoanEvent {}
}
