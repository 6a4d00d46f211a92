package dev.annals.store.postgres.internal;

import dev.annals.store.StoreUnavailableException.Reason;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which PostgreSQL errors are storage faults, by SQLSTATE: those a test cannot provoke on a shared server. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StorageFaultClassificationTest {

    private final PostgresDialect dialect = new PostgresDialect("annals");

    @Test
    void classifies_disk_full_standby_io_and_connection_errors() {
        assertThat(fault("53100")).contains(Reason.DISK_FULL);
        assertThat(fault("25006")).contains(Reason.READ_ONLY);
        assertThat(fault("58030")).contains(Reason.IO_ERROR);
        assertThat(fault("08006")).contains(Reason.UNREACHABLE);
        assertThat(fault("57P01")).contains(Reason.UNREACHABLE);
        assertThat(fault("53300")).contains(Reason.UNREACHABLE);
        assertThat(dialect.storageFault(new SQLTransientConnectionException("pool timed out")))
                .contains(Reason.UNREACHABLE);
    }

    @Test
    void leaves_errors_about_the_data_unclassified() {
        assertThat(fault("23505")).isEmpty();
        assertThat(fault("P0001")).isEmpty();
        assertThat(fault("22021")).isEmpty();
        assertThat(fault(null)).isEmpty();
    }

    private Optional<Reason> fault(String state) {
        return dialect.storageFault(new SQLException("test", state));
    }
}
