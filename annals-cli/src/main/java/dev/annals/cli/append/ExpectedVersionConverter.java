package dev.annals.cli.append;

import dev.annals.cli.WholeNumbers;
import dev.annals.store.ExpectedVersion;
import picocli.CommandLine;

/** Reads {@code --expected-version}: {@code any}, {@code no-stream}, {@code exists} or a version number. */
final class ExpectedVersionConverter implements CommandLine.ITypeConverter<ExpectedVersion> {

    @Override
    public ExpectedVersion convert(String value) {
        return switch (value) {
            case "any" -> ExpectedVersion.any();
            case "no-stream" -> ExpectedVersion.noStream();
            case "exists" -> ExpectedVersion.streamExists();
            default -> exact(value);
        };
    }

    private static ExpectedVersion exact(String value) {
        try {
            long version = WholeNumbers.parseLong(value);
            if (version >= -1) {
                return ExpectedVersion.exact(version);
            }
        } catch (CommandLine.TypeConversionException e) {
            // Reported below with the accepted forms.
        }
        throw new CommandLine.TypeConversionException("'" + value
                + "' is not an expected version: use any, no-stream, exists or a stream version (0 or more)");
    }
}
