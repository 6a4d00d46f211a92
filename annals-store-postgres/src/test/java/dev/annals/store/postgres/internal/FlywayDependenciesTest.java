package dev.annals.store.postgres.internal;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What Flyway brings into a user's application with the PostgreSQL store, and where its log lines go. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FlywayDependenciesTest {

    @Test
    void the_store_does_not_bring_flyways_cockroachdb_support() {
        assertThatThrownBy(() -> Class.forName("org.flywaydb.database.cockroachdb.CockroachDBDatabaseType"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void flyway_logs_through_slf4j_whatever_else_is_on_the_class_path() {
        assertThat(Migrations.flyway(new PGSimpleDataSource(), "annals").getLoggers())
                .containsExactly("slf4j");
    }
}
