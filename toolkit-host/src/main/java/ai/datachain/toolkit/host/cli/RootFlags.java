package ai.datachain.toolkit.host.cli;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.ParseException;

/**
 * The first stage: the flags given before the first command word ({@code datachain -v auth login}),
 * parsed with Commons CLI against {@link GlobalOptions#root()}.
 *
 * @param common {@code -h}, {@code -v} and {@code -q}
 * @param version {@code --version} was given
 * @param words the command line after the flags (and after a {@code --} that ends them)
 */
record RootFlags(CommonFlags common, boolean version, List<String> words) {

    static RootFlags parse(String[] args) throws UsageError {
        // The leading tokens that look like flags, up to a "--". Commons CLI's own stop at the first
        // word would split an unknown "-vx" into -v and a word "x"; parsed alone, it is refused.
        int end = 0;
        while (end < args.length && args[end].startsWith("-") && args[end].length() > 1) {
            if (args[end++].equals("--")) {
                break;
            }
        }
        CommandLine flags;
        try {
            flags = CommandParser.parser().parse(GlobalOptions.root(), Arrays.copyOfRange(args, 0, end));
        } catch (ParseException e) {
            throw new UsageError(CommandParser.describe(e, GlobalOptions.root(), List.of()), List.of());
        }
        return new RootFlags(CommonFlags.of(flags), flags.hasOption(GlobalOptions.VERSION),
                List.of(args).subList(end, args.length));
    }
}
