package dev.annals.cli.state;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Reads an instant given on the command line: ISO-8601 in UTC ({@code 2026-11-25T10:00:00Z}) or with an
 * offset ({@code 2026-11-25T11:00:00+01:00}). Anything else is bad usage with a message that shows both
 * forms, instead of the parser's exception.
 */
final class InstantConverter implements CommandLine.ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notOffset) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an instant: give one in"
                        + " ISO-8601 form, such as 2026-11-25T10:00:00Z (UTC) or 2026-11-25T11:00:00+01:00");
            }
        }
    }
}
