package org.example.loans;

/** What happens to a loan. The change under test: Lent's {@code member} was renamed {@code borrower}. */
public sealed interface LoanEvent {

    record Lent(String borrower) implements LoanEvent {}

    record Returned(String member) implements LoanEvent {}
}
