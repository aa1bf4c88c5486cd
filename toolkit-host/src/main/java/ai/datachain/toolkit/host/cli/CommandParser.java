package ai.datachain.toolkit.host.cli;

import ai.datachain.toolkit.api.CommandDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.AlreadySelectedException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.TypeHandler;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * The fourth stage: parses the words after a command's path with Commons CLI against its options
 * and the common ones, converts every typed option value, and checks the positional words against
 * the declared arguments. Every problem becomes a {@link UsageError} in the user's words.
 */
final class CommandParser {

    private CommandParser() {}

    /**
     * The parsed command line.
     *
     * @param commandLine the command's options and positional words
     * @param flags the common flags given after the command's path
     */
    record Parsed(CommandLine commandLine, CommonFlags flags) {}

    /** No abbreviations ({@code --verb} is not {@code --verbose}) and values exactly as typed. */
    static DefaultParser parser() {
        return DefaultParser.builder().setAllowPartialMatching(false).setStripLeadingAndTrailingQuotes(false).get();
    }

    /**
     * Parses {@code words}; with {@code -h} among them (or {@code helpAsked}) only the options are
     * checked, since the command will not run.
     */
    static Parsed parse(CommandDeclaration declaration, Options own, List<String> words, boolean helpAsked)
            throws UsageError {
        Options options = GlobalOptions.withCommon(own);
        CommandLine commandLine;
        try {
            commandLine = parser().parse(options, words.toArray(String[]::new));
        } catch (ParseException e) {
            throw new UsageError(describe(e, options, declaration.path()), declaration.path());
        }
        CommonFlags flags = CommonFlags.of(commandLine);
        if (!helpAsked && !flags.help()) {
            checkTypedValues(commandLine, declaration.path());
            DeclaredArguments.check(declaration, commandLine.getArgList());
        }
        return new Parsed(commandLine, flags);
    }

    /** Converts every typed option value now, so a bad number is a usage error before the command runs. */
    private static void checkTypedValues(CommandLine commandLine, List<String> path) throws UsageError {
        for (Option option : commandLine.getOptions()) {
            Object type = option.getType();
            if (option.hasArg() && type instanceof Class<?> cls && cls != String.class && cls != Object.class) {
                for (String value : option.getValues()) {
                    try {
                        TypeHandler.createValue(value, cls);
                    } catch (ParseException | RuntimeException e) {
                        throw new UsageError("invalid value '" + value + "' for " + optionName(option)
                                + ": expected " + expected(cls), path);
                    }
                }
            }
        }
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == Short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "a " + type.getSimpleName();
    }

    private static String optionName(Option option) {
        return option.getLongOpt() != null ? "--" + option.getLongOpt() : "-" + option.getOpt();
    }

    /** Commons CLI's complaint in the user's words, with the closest option for a typo. */
    static String describe(ParseException e, Options options, List<String> path) {
        if (e instanceof UnrecognizedOptionException unrecognized) {
            String typed = unrecognized.getOption();
            List<String> names = new ArrayList<>();
            for (Option option : options.getOptions()) {
                if (option.getLongOpt() != null) {
                    names.add("--" + option.getLongOpt());
                }
            }
            String message = "unknown option '" + typed + "' for '" + HelpRenderer.commandName(path) + "'";
            Optional<String> suggestion = typed.startsWith("--") ? Suggestions.closest(typed, names) : Optional.empty();
            return suggestion.map(s -> message + ". Did you mean '" + s + "'?").orElse(message);
        }
        if (e instanceof AlreadySelectedException both && both.getOption() != null && both.getOptionGroup() != null) {
            Option chosen = options.getOption(both.getOptionGroup().getSelected());
            return optionName(both.getOption()) + " cannot be used with "
                    + (chosen != null ? optionName(chosen) : both.getOptionGroup().getSelected());
        }
        if (e instanceof MissingArgumentException missing) {
            return "option " + optionName(missing.getOption()) + " needs a value";
        }
        String message = e.getMessage();
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
