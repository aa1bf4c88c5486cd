package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.CommandDeclaration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * A plugin command as the command index remembers it from the last run that created it: what
 * help and completion show, for the runs that start no user plugin. Never run.
 *
 * @param summary its one-line summary
 * @param arguments its positional arguments
 * @param options its own options (names, whether they take a value, descriptions)
 */
public record RecordedCommand(String summary, List<Argument> arguments, Options options) {

    /** Separates options (or arguments), and the fields of one, in the stored text. */
    private static final char ITEMS = '\u001e';
    private static final char FIELDS = '\u001f';

    public RecordedCommand {
        arguments = List.copyOf(arguments);
    }

    public static RecordedCommand of(CommandDeclaration declaration, Options options) {
        return new RecordedCommand(declaration.summary(), declaration.arguments(), options);
    }

    /** The arguments as one line of text for the index. */
    String encodedArguments() {
        List<String> encoded = new ArrayList<>();
        for (Argument argument : arguments) {
            encoded.add(argument.name() + FIELDS + argument.arity() + FIELDS + argument.help());
        }
        return String.join(String.valueOf(ITEMS), encoded);
    }

    /** Reads {@link #encodedArguments}; anything that does not decode is no arguments (the index is a cache). */
    static List<Argument> decodeArguments(String encoded) {
        List<Argument> arguments = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return arguments;
        }
        try {
            for (String one : encoded.split(String.valueOf(ITEMS))) {
                String[] fields = one.split(String.valueOf(FIELDS), 3);
                arguments.add(new Argument(fields[0], Argument.Arity.valueOf(fields[1]), fields[2]));
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return arguments;
    }

    /** The options as one line of text for the index. */
    String encodedOptions() {
        List<String> encoded = new ArrayList<>();
        for (Option option : options.getOptions()) {
            encoded.add(nonNull(option.getOpt()) + FIELDS + nonNull(option.getLongOpt()) + FIELDS
                    + (option.hasArg() ? "1" : "0") + FIELDS + nonNull(option.getDescription()));
        }
        return String.join(String.valueOf(ITEMS), encoded);
    }

    /** Reads {@link #encodedOptions}; an option that does not decode is left out (the index is a cache). */
    static Options decodeOptions(String encoded) {
        Options options = new Options();
        if (encoded == null || encoded.isEmpty()) {
            return options;
        }
        for (String one : encoded.split(String.valueOf(ITEMS))) {
            String[] fields = one.split(String.valueOf(FIELDS), 4);
            if (fields.length != 4 || fields[0].isEmpty() && fields[1].isEmpty()) {
                continue;
            }
            try {
                options.addOption(Option.builder(fields[0].isEmpty() ? null : fields[0])
                        .longOpt(fields[1].isEmpty() ? null : fields[1]).hasArg(fields[2].equals("1"))
                        .desc(fields[3]).get());
            } catch (IllegalArgumentException e) {
                // Not a valid option name: nothing to complete.
            }
        }
        return options;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
