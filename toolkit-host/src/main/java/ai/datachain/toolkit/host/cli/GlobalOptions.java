package ai.datachain.toolkit.host.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The options every command accepts, and the ones only {@code datachain} itself accepts. */
public final class GlobalOptions {

    public static final String HELP = "help";
    public static final String VERBOSE = "verbose";
    public static final String QUIET = "quiet";
    public static final String VERSION = "version";

    private GlobalOptions() {}

    /** {@code -h}, {@code -v}, {@code -q}: added to every command's own options. */
    public static Options common() {
        return new Options()
                .addOption(Option.builder("h").longOpt(HELP).desc("Show this help and exit.").get())
                .addOption(Option.builder("v").longOpt(VERBOSE)
                        .desc("Print debug output on stderr; repeat for more.").get())
                .addOption(Option.builder("q").longOpt(QUIET)
                        .desc("Print less on stderr; repeat for less.").get());
    }

    /** What {@code datachain} accepts before the command words. */
    public static Options root() {
        return common().addOption(Option.builder().longOpt(VERSION).desc("Print the toolkit version and exit.").get());
    }

    /** Combines a command's options with the common ones; the command's win on a clash. */
    public static Options withCommon(Options own) {
        Options combined = new Options();
        for (Option option : common().getOptions()) {
            if (!clashes(own, option)) {
                combined.addOption(option);
            }
        }
        return combined.addOptions(own);
    }

    private static boolean clashes(Options own, Option option) {
        return (option.getOpt() != null && own.hasShortOption(option.getOpt()))
                || (option.getLongOpt() != null && own.hasLongOption(option.getLongOpt()));
    }
}
