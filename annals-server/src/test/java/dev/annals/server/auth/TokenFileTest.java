package dev.annals.server.auth;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The token file is readable by its owner only, and a looser one is reported. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenFileTest {

    @TempDir
    Path data;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(TokenStore.class);

    @BeforeEach
    void capture() {
        assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file permissions are POSIX permissions");
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
    }

    private String permissions() throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(TokenStore.FILE_NAME)));
    }

    private long warnings() {
        return log.list.stream().filter(event -> event.getLevel() == Level.WARN).count();
    }

    @Test
    void a_new_token_file_is_readable_and_writable_by_its_owner_only() throws Exception {
        TokenStore.in(data).create(Role.ADMIN, "");

        assertThat(permissions()).isEqualTo("rw-------");
        assertThat(warnings()).isZero();
    }

    @Test
    void a_token_file_readable_by_others_is_warned_about_once_and_made_private_when_next_written() throws Exception {
        var tokens = TokenStore.in(data);
        var issued = tokens.create(Role.ADMIN, "");
        Files.setPosixFilePermissions(data.resolve(TokenStore.FILE_NAME), PosixFilePermissions.fromString("rw-r--r--"));
        var reopened = TokenStore.in(data);

        reopened.list();
        reopened.authenticate(issued.secret());
        reopened.list();

        assertThat(warnings()).isEqualTo(1);
        assertThat(log.list.getFirst().getFormattedMessage())
                .contains(TokenStore.FILE_NAME)
                .contains("chmod 600");
        reopened.create(Role.READER, "");
        assertThat(permissions()).isEqualTo("rw-------");
    }

    @Test
    void no_temporary_file_is_left_beside_the_token_file() throws Exception {
        var tokens = TokenStore.in(data);
        tokens.create(Role.ADMIN, "");
        tokens.revoke(tokens.list().getFirst().id());

        try (var files = Files.list(data)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(TokenStore.FILE_NAME);
        }
    }
}
