package dev.annals.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives every command and subcommand {@code -h/--help}: a subcommand declared without it (a method
 * subcommand such as {@code dlq list}, or a class that forgot the option) would otherwise answer
 * "Unknown option: '--help'". Done once over the whole tree, so that a command added later has it too.
 */
final class HelpOptions {

    private HelpOptions() {}

    /** Adds {@code -h/--help} to each command of {@code root}'s tree that has no usage-help option. */
    static void addWhereMissing(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        if (spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
            spec.addOption(OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .description("Show this help and exit.")
                    .build());
        }
        // getSubcommands() lists a command once per name and alias; adding twice is harmless because of the check.
        root.getSubcommands().values().forEach(HelpOptions::addWhereMissing);
    }
}
