package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.CommandDeclaration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * A plugin command as the command index remembers it from the last run that created it: what
 * help and completion show, for the runs that start no user plugin. Never run. Kept as the text
 * the index stores and read only when asked: most runs that read the index never need it.
 */
public final class RecordedCommand {

    /** Separates options (or arguments), and the fields of one, in the stored text. */
    private static final char ITEMS = '\u001e';
    private static final char FIELDS = '\u001f';

    private final String summary;
    private final String arguments;
    private final String options;

    RecordedCommand(String summary, String encodedArguments, String encodedOptions) {
        this.summary = summary;
        this.arguments = encodedArguments == null ? "" : encodedArguments;
        this.options = encodedOptions == null ? "" : encodedOptions;
    }

    /** What {@code declaration} and {@code options} say, as the index stores it. */
    public static RecordedCommand of(CommandDeclaration declaration, Options options) {
        List<String> arguments = new ArrayList<>();
        for (Argument argument : declaration.arguments()) {
            arguments.add(argument.name() + FIELDS + argument.arity() + FIELDS + argument.help());
        }
        List<String> encoded = new ArrayList<>();
        for (Option option : options.getOptions()) {
            encoded.add(nonNull(option.getOpt()) + FIELDS + nonNull(option.getLongOpt()) + FIELDS
                    + (option.hasArg() ? "1" : "0") + FIELDS + nonNull(option.getDescription()));
        }
        return new RecordedCommand(declaration.summary(), String.join(String.valueOf(ITEMS), arguments),
                String.join(String.valueOf(ITEMS), encoded));
    }

    /** Its one-line summary. */
    public String summary() {
        return summary;
    }

    /** Its positional arguments; none when the stored text does not decode (the index is a cache). */
    public List<Argument> arguments() {
        List<Argument> decoded = new ArrayList<>();
        if (arguments.isEmpty()) {
            return decoded;
        }
        try {
            for (String one : arguments.split(String.valueOf(ITEMS))) {
                String[] fields = one.split(String.valueOf(FIELDS), 3);
                decoded.add(new Argument(fields[0], Argument.Arity.valueOf(fields[1]), fields[2]));
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return decoded;
    }

    /** Its own options (names, whether they take a value, descriptions); one that does not decode is left out. */
    public Options options() {
        Options decoded = new Options();
        if (options.isEmpty()) {
            return decoded;
        }
        for (String one : options.split(String.valueOf(ITEMS))) {
            String[] fields = one.split(String.valueOf(FIELDS), 4);
            if (fields.length != 4 || fields[0].isEmpty() && fields[1].isEmpty()) {
                continue;
            }
            try {
                decoded.addOption(Option.builder(fields[0].isEmpty() ? null : fields[0])
                        .longOpt(fields[1].isEmpty() ? null : fields[1]).hasArg(fields[2].equals("1"))
                        .desc(fields[3]).get());
            } catch (IllegalArgumentException e) {
                // Not a valid option name: nothing to complete.
            }
        }
        return decoded;
    }

    String encodedArguments() {
        return arguments;
    }

    String encodedOptions() {
        return options;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
