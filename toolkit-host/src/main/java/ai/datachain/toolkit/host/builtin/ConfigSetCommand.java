package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.host.config.ConfigFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.Options;
import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;

/** {@code datachain config set KEY VALUE}: writes one setting into one file. */
final class ConfigSetCommand implements Command {

    /** The VALUE that means "read it from standard input". */
    private static final String STDIN = "-";

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("config set", "Set a setting in a configuration file.")
                .withDescription("Set a setting in one configuration file, the user's (--global) unless --local or"
                        + " --system says otherwise. Comments, other settings and their order stay as they are;"
                        + " only the one value changes. A value replacing a number or a boolean keeps that type"
                        + " when it is one; anything else is stored as a string. The file is locked while it"
                        + " changes and replaced in one step, so other datachain processes never see it half"
                        + " written. A VALUE of '-' reads the value from standard input (one trailing newline"
                        + " removed), which keeps a secret off the command line, where other users can see it in"
                        + " the process list.")
                .withArguments(ConfigLevelOption.KEY_ARGUMENT,
                        Argument.required("VALUE", "Its new value, or - to read it from standard input."))
                .withExamples(
                        new Example("datachain config set studio.team ml-team", "Make ml-team your default team."),
                        new Example("datachain config set studio.url https://studio.example.com --local",
                                "Use another Studio instance for this project only."),
                        new Example("datachain config set studio.token - < token.txt",
                                "Save a token read from standard input, not from the command line."));
    }

    @Override
    public Options options() {
        return ConfigLevelOption.add(new Options(), "Write to");
    }

    @Override
    public int run(Invocation invocation) {
        List<String> arguments = invocation.commandLine().getArgList();
        String key = ConfigLevelOption.key(arguments.get(0));
        String value = arguments.get(1).equals(STDIN) ? readValue(invocation.console().in())
                : warnIfSecret(invocation, key, arguments.get(1));
        ConfigLevel level = ConfigLevelOption.chosen(invocation.commandLine()).orElse(ConfigLevel.GLOBAL);
        invocation.settings().edit(level, document -> set(document, key, value));
        return 0;
    }

    /** A secret typed as an argument has already been on the process list; say so, once, and how to avoid it. */
    private static String warnIfSecret(Invocation invocation, String key, String value) {
        if (SecretKeys.isSecret(key)) {
            invocation.console().warn(key + " is a secret, and as an argument other users can see it in the"
                    + " process list; next time pipe it in: datachain config set " + key + " - < FILE");
        }
        return value;
    }

    /** The value from standard input, up to the size of a config file, without its line ending. */
    private static String readValue(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(ConfigFileReader.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new CommandException("could not read the value from standard input: " + e.getMessage(), e);
        }
        if (bytes.length > ConfigFileReader.MAX_BYTES) {
            throw new CommandException("the value on standard input is larger than "
                    + ConfigFileReader.MAX_BYTES / 1024 / 1024 + " MiB");
        }
        String value = new String(bytes, StandardCharsets.UTF_8);
        if (value.endsWith("\r\n")) {
            return value.substring(0, value.length() - 2);
        }
        return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    }

    private static void set(HierarchicalConfiguration<ImmutableNode> document, String key, String value) {
        for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
            String prefix = key.substring(0, dot);
            if (document.containsKey(prefix)) {
                throw new CommandException("cannot set " + key + ": " + prefix + " is a value, not a section");
            }
        }
        Iterator<String> below = document.getKeys(key);
        while (below.hasNext()) {
            if (!below.next().equals(key)) {
                throw new CommandException("cannot set " + key + ": it is a section holding other settings");
            }
        }
        Object existing = document.getProperty(key);
        if (existing instanceof List<?>) {
            document.clearProperty(key);
        }
        document.setProperty(key, typed(existing, value));
    }

    /** The value as the type the setting already has, when it reads as one; else the text. */
    private static Object typed(Object existing, String value) {
        if (existing instanceof Boolean && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
        }
        try {
            if (existing instanceof Integer || existing instanceof Long) {
                return Long.parseLong(value);
            }
            if (existing instanceof Double || existing instanceof Float) {
                double number = Double.parseDouble(value);
                return Double.isFinite(number) ? number : value;
            }
        } catch (NumberFormatException e) {
            return value;
        }
        return value;
    }
}
