package dev.annals.projection;

import java.util.List;

/**
 * The relays a process runs, as a capability: a running server offers it for those it runs beside
 * itself ({@code GET /relays}). A relay's live figures are known only to the process that runs it, so a
 * store opened directly (an embedded file, a database) does not offer this capability.
 */
@FunctionalInterface
public interface RelayReports {

    /** Every relay's last measure, by name; empty when none runs. */
    List<RelayReport> relays();

    /** No relay. */
    static RelayReports none() {
        return List::of;
    }
}
