package org.example.library;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LibraryOnSqliteTest extends LibraryContract {

    @TempDir
    Path data;

    @Override
    String location() {
        return data.toString();
    }
}
