package dev.annals.audit;

import java.util.OptionalLong;

/**
 * What {@link AuditTrail#verify()} found.
 *
 * @param verified    how many sealed events were checked and found intact
 * @param sealed      how many events were newly sealed (hashed) after the check; 0 when it failed
 * @param firstBroken the first position where the chain breaks; empty when intact
 * @param problem     what is wrong at that position; empty text when intact
 * @param headHash    the hash of the last sealed event (hex; 64 zeros when none), worth recording elsewhere
 * @param headPosition the position of the last sealed event; 0 when none
 */
public record AuditReport(
        long verified, long sealed, OptionalLong firstBroken, String problem, String headHash, long headPosition) {

    /** True when the chain is intact. */
    public boolean intact() {
        return firstBroken.isEmpty();
    }
}
