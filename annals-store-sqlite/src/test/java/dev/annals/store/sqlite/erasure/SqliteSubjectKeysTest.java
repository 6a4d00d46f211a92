package dev.annals.store.sqlite.erasure;

import dev.annals.erasure.SubjectKeyStore;
import dev.annals.store.sqlite.SqliteEventStore;
import dev.annals.store.sqlite.SqliteSubjectKeys;
import dev.annals.testkit.erasure.SubjectKeyStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteSubjectKeysTest extends SubjectKeyStoreContract {

    @TempDir
    Path data;

    @Override
    protected SubjectKeyStore newKeyStore() {
        SqliteEventStore.open(data).close();
        return SqliteSubjectKeys.open(data);
    }

    @Test
    void shares_keys_and_forgetting_with_every_other_opening_of_the_file_at_once() {
        var key = keys.keyFor("c-1");
        var other = SqliteSubjectKeys.open(data);

        assertThat(other.find("c-1"))
                .hasValueSatisfying(k -> assertThat(k.getEncoded()).isEqualTo(key.getEncoded()));
        other.forget("c-1");

        assertThat(keys.find("c-1")).isEmpty();
    }
}
