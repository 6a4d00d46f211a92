package dev.annals.store.jdbc.migrate;

import dev.annals.store.jdbc.transfer.ErasureState;

/**
 * What a migration did and checked.
 *
 * @param resumedAfter the target's head when the run started: 0 for a fresh copy, else the position the
 *                     copy went on after (the events up to it were checked against the source)
 * @param copied       events written by this run
 * @param verified     events in the target, all checked against the source at the end
 * @param head         the target's head position at the end
 * @param hash         the hex SHA-256 hash chain ({@code EventHash}) over the target's events, equal to the one
 *                     over the source's events as transformed
 * @param erasure      the source's stream marks and subject keys, which the target now holds as well
 * @param changed      how many of the target's streams and subjects this run marked or keyed
 * @param seconds      how long the run took
 */
public record MigrationReport(
        long resumedAfter,
        long copied,
        long verified,
        long head,
        String hash,
        ErasureState erasure,
        int changed,
        double seconds) {}
