package ai.datachain.toolkit.host.plugins;

import ai.datachain.toolkit.api.Command;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * A plugin command as the command index remembers it from the last run that created it: what
 * help and completion show, for the runs that start no user plugin. Never run.
 *
 * @param summary its one-line summary
 * @param arguments its usage text for positional arguments, empty for none
 * @param options its own options (names, whether they take a value, descriptions)
 */
public record RecordedCommand(String summary, String arguments, Options options) {

    /** Separates options, and the fields of one option, in the stored text. */
    private static final char OPTIONS = '\u001e';
    private static final char FIELDS = '\u001f';

    static RecordedCommand of(Command command) {
        return new RecordedCommand(command.summary(), command.arguments(), command.options());
    }

    /** The options as one line of text for the index. */
    String encodedOptions() {
        List<String> encoded = new ArrayList<>();
        for (Option option : options.getOptions()) {
            encoded.add(nonNull(option.getOpt()) + FIELDS + nonNull(option.getLongOpt()) + FIELDS
                    + (option.hasArg() ? "1" : "0") + FIELDS + nonNull(option.getDescription()));
        }
        return String.join(String.valueOf(OPTIONS), encoded);
    }

    /** Reads {@link #encodedOptions}; an option that does not decode is left out (the index is a cache). */
    static Options decodeOptions(String encoded) {
        Options options = new Options();
        if (encoded == null || encoded.isEmpty()) {
            return options;
        }
        for (String one : encoded.split(String.valueOf(OPTIONS))) {
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
