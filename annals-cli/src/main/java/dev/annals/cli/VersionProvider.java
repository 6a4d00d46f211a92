package dev.annals.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven recorded in the jar; a development build has none. */
final class VersionProvider implements CommandLine.IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/dev.annals/annals-cli/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
        try (InputStream in = AnnalsCommand.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return new String[] {"annals (development build)"};
            }
            var properties = new Properties();
            properties.load(in);
            return new String[] {"annals " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
