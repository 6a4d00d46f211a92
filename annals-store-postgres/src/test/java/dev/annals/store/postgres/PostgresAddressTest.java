package dev.annals.store.postgres;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresAddressTest {

    @Test
    void turns_a_postgresql_address_into_a_jdbc_url_and_a_schema() {
        var address = PostgresAddress.parse("postgresql://db.example:6543/app?schema=orders&user=annals");

        assertThat(address.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/app?user=annals");
        assertThat(address.schema()).isEqualTo("orders");
    }

    @Test
    void uses_the_default_schema_and_accepts_the_other_spellings() {
        assertThat(PostgresAddress.parse("postgres://localhost/app"))
                .isEqualTo(new PostgresAddress("jdbc:postgresql://localhost/app", "annals"));
        assertThat(PostgresAddress.parse("jdbc:postgresql://localhost:5432/app").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/app");
    }

    @Test
    void masks_the_password_when_shown() {
        var address = PostgresAddress.parse("postgresql://localhost/app?user=a&password=secret");

        assertThat(address.toString()).doesNotContain("secret").contains("password=***");
    }

    @Test
    void refuses_other_databases_and_addresses_without_a_database() {
        assertThatThrownBy(() -> PostgresAddress.parse("mysql://localhost/app"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PostgreSQL address");
        assertThatThrownBy(() -> PostgresAddress.parse("postgresql://localhost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a host and a database");
    }

    @Test
    void refuses_a_schema_that_is_no_plain_identifier() {
        assertThatThrownBy(() -> PostgresAddress.parse("postgresql://localhost/app?schema=x;drop")
                        .options())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case SQL identifier");
    }

    @Test
    void takes_the_pool_size_out_of_the_drivers_url_into_the_options() {
        var address = PostgresAddress.parse("postgresql://localhost/app?poolSize=4&user=annals");

        assertThat(address.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app?user=annals");
        assertThat(address.options().poolSize()).isEqualTo(4);
        assertThat(PostgresAddress.parse("postgresql://localhost/app").options().poolSize())
                .isEqualTo(PostgresOptions.DEFAULT_POOL_SIZE);
    }

    @Test
    void refuses_a_pool_size_below_two_or_no_number_naming_the_parameter_and_hiding_the_password() {
        for (String size : new String[] {"1", "0", "-3", "many", "", "99999999999"}) {
            assertThatThrownBy(
                            () -> PostgresAddress.parse("postgresql://localhost/app?password=secret&poolSize=" + size))
                    .as("poolSize=%s", size)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("poolSize")
                    .hasMessageContaining("2 or more, was '" + size + "'")
                    .hasMessageNotContaining("secret");
        }
    }
}
