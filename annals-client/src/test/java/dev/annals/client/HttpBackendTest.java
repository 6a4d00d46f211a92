package dev.annals.client;

import dev.annals.audit.AuditReport;
import dev.annals.audit.AuditTrail;
import dev.annals.backend.Backends;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.backend.UnsupportedCapabilityException;
import dev.annals.projection.DeadLetter;
import dev.annals.projection.DeadLetterStatus;
import dev.annals.projection.ProjectionHealth;
import dev.annals.projection.ProjectionState;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.RebuildMode;
import dev.annals.projection.UnknownDeadLetterException;
import dev.annals.projection.memory.InMemoryProjectionStore;
import dev.annals.server.AnnalsServer;
import dev.annals.server.ServerOptions;
import dev.annals.snapshot.SnapshotStore;
import dev.annals.store.EventStoreException;
import dev.annals.store.StreamDeletion;
import dev.annals.store.memory.InMemoryEventStore;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A running server as a backend: its deployment offers the store, the projections' bookkeeping and the audit
 * check over the API, each as the core's types, and says what it lacks over HTTP.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpBackendTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:15:30.123456Z");

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryProjectionStore projections = new InMemoryProjectionStore();
    private final AuditReport broken =
            new AuditReport(3, 0, OptionalLong.of(4), "the hash of position 4 differs", "ab".repeat(32), 3);
    private final AnnalsServer server = AnnalsServer.builder(store)
            .options(ServerOptions.defaults().withPort(0))
            .projections(projections)
            .audit(() -> broken)
            .start();

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private Deployment open(AnnalsServer running) {
        return Backends.installed().open(running.uri().toString(), OpenOptions.readOnly());
    }

    @Test
    void reads_the_projections_health_and_dead_letters_as_the_server_s_store_holds_them() throws Exception {
        var health = new ProjectionHealth(
                "balances", ProjectionState.STOPPED_ON_ERROR, 7, 9, 2, 1.5, 1, "payload does not fit Deposited", AT);
        projections.report(health);
        long id = projections.transact(tx -> tx.park(new DeadLetter(
                0,
                "balances",
                8,
                UUID.randomUUID(),
                "Deposited",
                "payload does not fit Deposited",
                5,
                AT,
                AT.plusSeconds(2),
                DeadLetterStatus.PARKED)));

        try (var deployment = open(server)) {
            var states = deployment.require(ProjectionStates.class, "projections");

            assertThat(states.health()).containsExactly(health);
            assertThat(states.deadLetters(Optional.of("balances")))
                    .containsExactlyElementsOf(projections.deadLetters(Optional.empty()));
            assertThat(states.deadLetters(Optional.of("other"))).isEmpty();
            assertThat(states.deadLetter(id)).isEqualTo(projections.deadLetter(id));
            assertThat(states.deadLetter(id + 1)).isEmpty();
        }
    }

    @Test
    void asks_the_server_s_runners_to_pause_resume_rebuild_retry_and_skip() throws Exception {
        projections.report(new ProjectionHealth("balances", ProjectionState.RUNNING, 0, 0, 0, 0, 0, "", AT));
        long id = projections.transact(tx -> tx.park(new DeadLetter(
                0, "balances", 8, UUID.randomUUID(), "Deposited", "failed", 5, AT, AT, DeadLetterStatus.PARKED)));

        try (var deployment = open(server)) {
            var states = deployment.require(ProjectionStates.class, "projections");

            states.pause("balances");
            assertThat(projections.control("balances").paused()).isTrue();
            states.resume("balances");
            assertThat(projections.control("balances").paused()).isFalse();
            states.requestRebuild("balances", RebuildMode.BLUE_GREEN);
            assertThat(projections.control("balances").rebuild()).isEqualTo(RebuildMode.BLUE_GREEN);
            states.requestRetry(id);
            assertThat(states.deadLetter(id).orElseThrow().status()).isEqualTo(DeadLetterStatus.RETRY_REQUESTED);
            states.skip(id);
            assertThat(projections.deadLetter(id).orElseThrow().status()).isEqualTo(DeadLetterStatus.SKIPPED);
            assertThatThrownBy(() -> states.skip(id))
                    .isInstanceOf(UnknownDeadLetterException.class)
                    .hasMessage("no open dead letter with id " + id);
            assertThatThrownBy(() -> states.requestRebuild("balances", RebuildMode.NONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("RESET or BLUE_GREEN");
        }
    }

    @Test
    void says_that_checkpoints_control_and_reports_stay_with_the_server_s_runners() {
        try (var deployment = open(server)) {
            var states = deployment.require(ProjectionStates.class, "projections");

            assertThatThrownBy(() -> states.checkpoint("balances"))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessage("the Annals server at " + server.uri() + " runs its projections itself and its"
                            + " runners report their own status: their checkpoints are not offered over HTTP (its API"
                            + " gives the reported status, pause, resume, rebuild and dead letters)");
            assertThatThrownBy(() -> states.control("balances"))
                    .hasMessageContaining("control requests are not offered");
            assertThatThrownBy(() -> states.report(
                            new ProjectionHealth("balances", ProjectionState.RUNNING, 0, 0, 0, 0, 0, "", AT)))
                    .hasMessageContaining("reports are not offered");
        }
    }

    @Test
    void maps_the_audit_report_a_broken_chain_included() {
        try (var deployment = open(server)) {
            assertThat(deployment.require(AuditTrail.class, "audit trail").verify())
                    .isEqualTo(broken);
        }
    }

    @Test
    void deletes_through_the_store_and_says_what_it_lacks_over_http() {
        try (var deployment = open(server)) {
            assertThat(deployment.capability(StreamDeletion.class)).isPresent();
            assertThatThrownBy(() -> deployment.require(SnapshotStore.class, "snapshot store"))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessage("the Annals server at " + server.uri() + " has no snapshot store over HTTP (its API"
                            + " covers streams, deletion, projections, dead letters and the audit check; run this on"
                            + " the server's own store instead)");
        }
    }

    @Test
    void a_server_without_projections_or_audit_trail_lacks_them() {
        try (var bare = new InMemoryEventStore();
                var plain = AnnalsServer.start(bare, ServerOptions.defaults().withPort(0));
                var deployment = open(plain)) {

            assertThatThrownBy(() -> deployment
                            .require(ProjectionStates.class, "projections")
                            .health())
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessage("the Annals server at " + plain.uri() + " has no projections (it runs none)");
            assertThatThrownBy(() ->
                            deployment.require(AuditTrail.class, "audit trail").verify())
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessage("the Annals server at " + plain.uri() + " has no audit trail (it was started without"
                            + " one)");
        }
    }
}
