package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.config.ConfigLevel;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.OptionGroup;
import org.apache.commons.cli.Options;

/** The {@code --global}, {@code --local} and {@code --system} flags every {@code config} command shares, and its key. */
final class ConfigLevelOption {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+");

    /** The {@code KEY} argument of {@code config get}, {@code set} and {@code unset}. */
    static final Argument KEY_ARGUMENT = Argument.required("KEY",
            "The setting, SECTION.NAME, e.g. studio.team.");

    private ConfigLevelOption() {}

    /** Adds the three flags as alternatives; {@code what} finishes "… the user's configuration file". */
    static Options add(Options options, String what) {
        OptionGroup group = new OptionGroup();
        group.addOption(Option.builder().longOpt("global").desc(what + " the user's configuration file"
                + " ($DATACHAIN_GLOBAL_CONFIG_DIR/config, else the system's user config directory, on Linux"
                + " ~/.config/datachain/config).").get());
        group.addOption(Option.builder().longOpt("local").desc(what + " the project's configuration file"
                + " ($DATACHAIN_DIR/config, else .datachain/config in the current directory).").get());
        group.addOption(Option.builder().longOpt("system").desc(what + " the machine-wide configuration file"
                + " ($DATACHAIN_SYSTEM_CONFIG_DIR/config, else the system's shared config directory, on Linux"
                + " datachain/config in the first $XDG_CONFIG_DIRS entry or /etc/xdg).").get());
        return options.addOptionGroup(group);
    }

    /** The level the flags chose, if any. */
    static Optional<ConfigLevel> chosen(CommandLine commandLine) {
        if (commandLine.hasOption("local")) {
            return Optional.of(ConfigLevel.LOCAL);
        }
        if (commandLine.hasOption("system")) {
            return Optional.of(ConfigLevel.SYSTEM);
        }
        if (commandLine.hasOption("global")) {
            return Optional.of(ConfigLevel.GLOBAL);
        }
        return Optional.empty();
    }

    /** A dotted key with a section and a name, e.g. {@code studio.team}, or a usage error. */
    static String key(String key) {
        if (!KEY.matcher(key).matches()) {
            throw CommandException.usage("invalid key '" + key + "': expected SECTION.NAME, e.g. studio.team"
                    + " (letters, digits, '_' and '-' between the dots)");
        }
        return key;
    }
}
