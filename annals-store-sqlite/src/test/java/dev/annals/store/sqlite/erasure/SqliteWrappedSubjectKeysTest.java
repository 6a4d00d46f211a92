package dev.annals.store.sqlite.erasure;

import dev.annals.erasure.ForgetOutcome;
import dev.annals.erasure.MasterKey;
import dev.annals.erasure.SubjectKeyStore;
import dev.annals.store.EventStoreException;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteSubjectKeys;
import dev.annals.testkit.erasure.SubjectKeyStoreContract;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key store contract with every key wrapped by a master key, and what the database then holds. */
class SqliteWrappedSubjectKeysTest extends SubjectKeyStoreContract {

    private final MasterKey master = MasterKey.generate();

    @TempDir
    Path data;

    @Override
    protected SubjectKeyStore newKeyStore() {
        SqliteEventStore.open(data).close();
        return SqliteSubjectKeys.open(data, Optional.of(master));
    }

    @Test
    void the_database_holds_the_key_wrapped_and_never_the_key_itself() throws SQLException {
        var key = keys.keyFor("c-1");

        byte[] stored = storedKey("c-1");

        assertThat(stored).hasSize(61).isNotEqualTo(key.getEncoded());
        assertThat(MasterKey.isWrapped(stored)).isTrue();
        assertThat(master.unwrap("c-1", stored).getEncoded()).isEqualTo(key.getEncoded());
    }

    @Test
    void a_wrapped_key_read_without_the_master_key_or_with_another_is_an_error_that_says_so() {
        keys.keyFor("c-1");

        assertThatThrownBy(() -> SqliteSubjectKeys.open(data).find("c-1"))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("subject 'c-1'")
                .hasMessageContaining(MasterKey.ENVIRONMENT_VARIABLE);
        assertThatThrownBy(() -> SqliteSubjectKeys.open(data, Optional.of(MasterKey.generate()))
                        .find("c-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not open the data key of subject 'c-1'");
    }

    @Test
    void forgetting_a_subject_needs_no_master_key() {
        keys.keyFor("c-1");

        assertThat(SqliteSubjectKeys.open(data).forget("c-1")).isEqualTo(ForgetOutcome.KEY_DELETED);
        assertThat(keys.find("c-1")).isEmpty();
    }

    @Test
    void keys_written_before_a_master_key_was_set_stay_readable() {
        var old = SqliteSubjectKeys.open(data).keyFor("c-old");

        assertThat(keys.find("c-old"))
                .hasValueSatisfying(key -> assertThat(key.getEncoded()).isEqualTo(old.getEncoded()));
        assertThat(keys.keyFor("c-new")).isNotNull();
    }

    private byte[] storedKey(String subject) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteEventStore.FILE_NAME));
                var select = connection.prepareStatement("SELECT data_key FROM subject_keys WHERE subject = ?")) {
            select.setString(1, subject);
            try (var row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }
}
