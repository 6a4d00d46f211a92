package dev.annals.cli.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The arguments a guide's {@code annals} command runs with in a test: the reader's data directory, database
 * and files replaced by the test's, and {@code serve} on a free port. See {@link GuideCommandsTest}.
 *
 * @param args    the arguments to run {@code annals} with
 * @param isServe true for {@code annals serve}, which runs until stopped
 * @param server  the {@code --store http(s)://...} address it names, for a server on the guide's data
 *                directory to stand in for
 * @param problem why the command cannot run here, if it cannot
 */
record GuideInvocation(List<String> args, boolean isServe, Optional<String> server, Optional<String> problem) {

    /** The data directory a reader's commands use when they name none. */
    private static final String DEFAULT_DATA = "annals-data";

    private static final Set<String> FILE_OPTIONS =
            Set.of("--file", "--output", "--chart", "--report", "--tls-keystore", "--tls-password-file");

    /**
     * @param words     the command's words after {@code annals}
     * @param data      the guide's data directory, {@code annals-data}
     * @param directory the guide's working directory, where relative files are
     * @param database  the {@code --store} address of the guide's PostgreSQL schema
     * @param lastToken the id of the guide's last created token, or null
     */
    static GuideInvocation of(
            List<String> words, Path data, Path directory, Supplier<String> database, String lastToken) {
        var args = new ArrayList<String>();
        String store = null;
        String subcommand = null;
        String dataArgument = DEFAULT_DATA;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if ((word.equals("--data") || word.equals("--store")) && i + 1 < words.size()) {
                if (word.equals("--store")) {
                    store = words.get(i + 1);
                } else {
                    dataArgument = words.get(i + 1);
                }
                i++;
                continue;
            }
            if (FILE_OPTIONS.contains(word) && i + 1 < words.size()) {
                args.add(word);
                args.add(directory.resolve(words.get(++i)).toString());
                continue;
            }
            if (subcommand == null && !word.startsWith("-")) {
                subcommand = word;
            }
            if (word.equals(DEFAULT_DATA)) {
                args.add(data.toString());
            } else if (word.startsWith("postgresql://")) {
                args.add(database.get());
            } else if (!word.startsWith("-") && !word.contains("/") && Files.exists(directory.resolve(word))) {
                args.add(directory.resolve(word).toString());
            } else {
                args.add(word);
            }
        }
        if ("bench".equals(subcommand)) {
            return refused(
                    args,
                    "a benchmark does not run here: list it in GuideCommandsTest.COVERED_ELSEWHERE"
                            + " with the bench test that runs it small");
        }
        if (store != null && (store.startsWith("http://") || store.startsWith("https://"))) {
            var all = new ArrayList<>(List.of("--store", store));
            all.addAll(args);
            return new GuideInvocation(List.copyOf(all), false, Optional.of(store), Optional.empty());
        }
        if (store != null && !store.startsWith("postgresql://")) {
            return refused(
                    args,
                    "--store " + store + ": GuideCommandsTest knows no store of that kind to point it"
                            + " at; teach it one");
        }
        // Another directory than the default is one of its own, beside the guide's (an import's target).
        Path dataDirectory = dataArgument.equals(DEFAULT_DATA)
                ? data
                : directory.resolve(Path.of(dataArgument).getFileName().toString());
        args.addAll(
                0, store == null ? List.of("--data", dataDirectory.toString()) : List.of("--store", database.get()));
        if ("tokens".equals(subcommand) && args.contains("revoke") && lastToken != null) {
            args.set(args.size() - 1, lastToken); // the guide's example id stands for one the reader listed
        }
        boolean serve = "serve".equals(subcommand);
        if (serve) {
            int port = args.indexOf("--port");
            if (port >= 0 && port + 1 < args.size()) {
                args.set(port + 1, "0");
            } else {
                args.addAll(List.of("--port", "0"));
            }
        }
        return new GuideInvocation(List.copyOf(args), serve, Optional.empty(), Optional.empty());
    }

    private static GuideInvocation refused(List<String> args, String problem) {
        return new GuideInvocation(List.copyOf(args), false, Optional.empty(), Optional.of(problem));
    }
}
