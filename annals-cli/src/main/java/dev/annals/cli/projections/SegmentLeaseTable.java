package dev.annals.cli.projections;

import dev.annals.cli.AnnalsCommand;
import dev.annals.projection.segment.SegmentLease;
import dev.annals.projection.segment.SegmentLeases;
import java.io.PrintWriter;
import java.util.List;

/**
 * The segment leases of a PostgreSQL store, as {@code annals projections} prints them under the projections:
 * per segment, its owner, its epoch and whether the lease is held, expired or free.
 */
final class SegmentLeaseTable {

    private SegmentLeaseTable() {}

    /** The leases of the store {@code annals} names, or none when its backend keeps none. */
    static List<SegmentLease> read(AnnalsCommand annals) {
        try (var deployment = annals.openReadOnly()) {
            return deployment
                    .capability(SegmentLeases.class)
                    .map(SegmentLeases::all)
                    .orElse(List.of());
        }
    }

    /** True when {@code projection} is split into segments on the store {@code annals} names. */
    static boolean segmented(AnnalsCommand annals, String projection) {
        return read(annals).stream().anyMatch(lease -> lease.projection().equals(projection));
    }

    static void print(PrintWriter out, List<SegmentLease> leases) {
        if (leases.isEmpty()) {
            return;
        }
        out.println();
        out.printf("%-20s %-9s %-40s %6s  %s%n", "SEGMENTED", "SEGMENT", "OWNER", "EPOCH", "LEASE");
        for (SegmentLease lease : leases) {
            String state = lease.owner().isEmpty()
                    ? "free"
                    : (lease.active() ? "held until " : "expired at ") + lease.expiresAt();
            out.printf(
                    "%-20s %-9s %-40s %6d  %s%n",
                    lease.projection(),
                    lease.segment() + "/" + lease.segments(),
                    lease.owner().isEmpty() ? "-" : lease.owner(),
                    lease.epoch(),
                    state);
        }
    }
}
