package dev.annals.example.bank.account;

import java.math.BigDecimal;

/** Shows amounts in cents as decimals, for people: {@code 12345} is {@code 123.45}. */
public final class Cents {

    private Cents() {}

    /** {@code cents} as a decimal with two places, such as {@code -0.05} or {@code 1000.00}. */
    public static String format(long cents) {
        // BigDecimal keeps Long.MIN_VALUE and friends exact; no floating point anywhere.
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
