package ai.datachain.toolkit.host.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * The common flags seen on one part of the command line: {@code -h/--help}, and the count of
 * {@code -v/--verbose} minus the count of {@code -q/--quiet}. They are accepted before the first
 * command word, between group words and after the command, and add up.
 *
 * @param verbosity each {@code -v} adds one, each {@code -q} takes one away
 * @param help {@code -h} or {@code --help} was given
 */
record CommonFlags(int verbosity, boolean help) {

    static final CommonFlags NONE = new CommonFlags(0, false);

    /**
     * The common flags among the options Commons CLI found: by short and long name, so a command's
     * own {@code -v} for something else (which wins over the common one) does not count.
     */
    static CommonFlags of(CommandLine commandLine) {
        int verbosity = 0;
        boolean help = false;
        for (Option option : commandLine.getOptions()) {
            if (is(option, "v", GlobalOptions.VERBOSE)) {
                verbosity++;
            } else if (is(option, "q", GlobalOptions.QUIET)) {
                verbosity--;
            } else if (is(option, "h", GlobalOptions.HELP)) {
                help = true;
            }
        }
        return new CommonFlags(verbosity, help);
    }

    /** Both together: verbosities add up, help given on either side counts. */
    CommonFlags plus(CommonFlags other) {
        return new CommonFlags(verbosity + other.verbosity, help || other.help);
    }

    private static boolean is(Option option, String shortName, String longName) {
        return shortName.equals(option.getOpt()) && longName.equals(option.getLongOpt());
    }
}
