package dev.annals.store.postgres;

import dev.annals.audit.AuditTrail;
import dev.annals.backend.Access;
import dev.annals.backend.Backend;
import dev.annals.backend.Deployment;
import dev.annals.backend.OpenOptions;
import dev.annals.erasure.MasterKey;
import dev.annals.erasure.SubjectKeyStore;
import dev.annals.projection.ProjectionStates;
import dev.annals.projection.segment.SegmentLeases;
import dev.annals.snapshot.SnapshotStore;
import dev.annals.store.jdbc.projection.JdbcReadModels;
import dev.annals.store.jdbc.transfer.StoreTransfer;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL as a {@link Backend}: {@code postgresql://host:port/db?schema=name} (also {@code postgres://}
 * and {@code jdbc:postgresql://}). A read-write deployment has a pool and a LISTEN connection; a read-only
 * one (the command line beside running applications) has neither: it reads on one plain connection at a
 * time, so that a tool does not hold dozens of the server's connections.
 */
public final class PostgresBackend implements Backend {

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String locationForms() {
        return "postgresql://host:port/database?schema=name";
    }

    @Override
    public String describe(String location) {
        return "the PostgreSQL store at " + PostgresAddress.parse(location);
    }

    @Override
    public boolean accepts(String location) {
        return location.matches("^(jdbc:)?(postgresql|postgres)://.*");
    }

    @Override
    public Deployment open(String location, OpenOptions options) {
        var address = PostgresAddress.parse(location);
        PostgresEventStore store;
        if (options.access() == Access.READ_ONLY) {
            var dataSource = new PGSimpleDataSource();
            dataSource.setURL(address.jdbcUrl());
            store = PostgresEventStore.open(dataSource, address.options().withListen(false));
        } else {
            store = PostgresEventStore.open(address);
        }
        return Deployment.builder("the PostgreSQL store at " + address, store)
                .capability(ProjectionStates.class, () -> PostgresProjections.states(store))
                .capability(JdbcReadModels.class, () -> PostgresProjections.readModels(store))
                .capability(
                        SubjectKeyStore.class, () -> PostgresSubjectKeys.of(store, options.setting(MasterKey.class)))
                .capability(AuditTrail.class, () -> PostgresAuditTrail.of(store))
                .capability(SnapshotStore.class, () -> PostgresSnapshotStore.of(store))
                .capability(StoreTransfer.class, () -> new PostgresTransfer(address))
                .capability(SegmentLeases.class, () -> PostgresSegmentLeases.of(store, Duration.ofSeconds(10)))
                .build();
    }
}
