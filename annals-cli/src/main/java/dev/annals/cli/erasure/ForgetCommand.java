package dev.annals.cli.erasure;

import dev.annals.cli.AnnalsCommand;
import dev.annals.cli.ExitCodes;
import dev.annals.erasure.ForgetOutcome;
import dev.annals.erasure.PersonalData;
import dev.annals.erasure.SubjectKeyStore;
import dev.annals.event.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code annals forget SUBJECT}: deletes the subject's data key, which erases its personal data everywhere. */
@Command(
        name = "forget",
        sortOptions = false,
        description = {
            "Forgets a data subject (crypto-shredding): deletes its data key, so that the personal data"
                    + " encrypted with it reads as erased, and records it so that no new key is ever made.",
            "The events, the hash chain and projections keep working; copies already made (read models,"
                    + " exports, backups) must be cleaned separately (docs/erasure.md). Cannot be undone."
        })
public final class ForgetCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private AnnalsCommand annals;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUBJECT", description = "The subject's id, as in its events' subject field.")
    private String subject;

    @Option(
            names = "--count",
            description = "Also count the events holding the subject's data: reads the whole" + " log.")
    private boolean count;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        long events = count ? countEvents() : -1;
        ForgetOutcome outcome;
        // Read-only access to the events: the keys open their own connections, so this works while a server
        // holds an embedded store open.
        try (var deployment = annals.openReadOnly()) {
            outcome = deployment.require(SubjectKeyStore.class, "erasure keys").forget(subject);
        }
        var out = spec.commandLine().getOut();
        out.println("forget: subject '" + subject + "' "
                + switch (outcome) {
                    case KEY_DELETED -> "forgotten: its data key is deleted, its personal data now reads as erased";
                    case ALREADY_FORGOTTEN -> "was forgotten before: nothing changed";
                    case NO_KEY -> "had no data key: recorded as forgotten, so that none is ever made";
                }
                + (events >= 0 ? "; " + events + " event(s) hold its encrypted data" : "")
                + ". Events, hash chain and projections are unchanged; clean copies in read models, exports and"
                + " backups yourself.");
        out.flush();
        return ExitCodes.OK;
    }

    private long countEvents() {
        var marker = PersonalData.sealedMarker(subject).getBytes(StandardCharsets.UTF_8);
        try (var deployment = annals.openReadOnly();
                Stream<RecordedEvent> all = deployment.store().readAll(0)) {
            return all.filter(event -> contains(event.payload(), marker)).count();
        }
    }

    private static boolean contains(byte[] payload, byte[] marker) {
        outer:
        for (int i = 0; i <= payload.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (payload[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
