package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Layer;
import ai.datachain.toolkit.api.config.SettingValue;
import ai.datachain.toolkit.host.config.DocumentProperties;
import java.io.PrintStream;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code datachain config list}: every setting in effect, or of one file, as {@code key=value} lines. */
final class ConfigListCommand implements Command {

    private static final String SHOW_ORIGIN = "show-origin";
    private static final String SHOW_SECRETS = "show-secrets";

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("config list", "List settings as key=value lines.")
                .withDescription("List settings as key=value lines. Without a level flag: every setting in effect,"
                        + " sorted by key, each with the value that wins (local over global over system over the"
                        + " image defaults, environment variables over all files). With a level flag: that file's"
                        + " settings in file order. --show-origin puts the layer and where the value comes from in"
                        + " front of each line, like 'git config --show-origin': file:PATH, env:VARIABLE or"
                        + " property:NAME, then a tab. Secrets (studio.token, any key whose name ends in token,"
                        + " password or secret, a password in a URL) are masked unless --show-secrets; 'config get"
                        + " KEY' prints a value as it is.")
                .withExamples(new Example("datachain config list", "Show every setting in effect."),
                        new Example("datachain config list --show-origin", "Show where each value in effect comes from."),
                        new Example("datachain config list --local", "Show what this project's configuration file sets."),
                        new Example("datachain config list --show-secrets", "Show every setting, the token included."));
    }

    @Override
    public Options options() {
        return ConfigLevelOption.add(new Options(), "List only")
                .addOption(Option.builder().longOpt(SHOW_ORIGIN)
                        .desc("Show which layer and which file, variable or property each value comes from.").get())
                .addOption(Option.builder().longOpt(SHOW_SECRETS)
                        .desc("Show the values of secrets such as studio.token instead of masking them.").get());
    }

    @Override
    public int run(Invocation invocation) {
        boolean showOrigin = invocation.commandLine().hasOption(SHOW_ORIGIN);
        boolean showSecrets = invocation.commandLine().hasOption(SHOW_SECRETS);
        PrintStream out = invocation.console().out();
        Optional<ConfigLevel> level = ConfigLevelOption.chosen(invocation.commandLine());
        if (level.isPresent()) {
            String origin = Layer.of(level.get()).label() + "\tfile:" + invocation.settings().location(level.get())
                    + "\t";
            DocumentProperties.of(invocation.settings().read(level.get()))
                    .forEach((key, value) -> out.println((showOrigin ? origin : "") + key + "="
                            + shown(key, value, showSecrets)));
            return 0;
        }
        TreeSet<String> keys = new TreeSet<>();
        invocation.config().getPropertyNames().forEach(keys::add);
        for (String key : keys) {
            Optional<SettingValue> value = invocation.settings().value(key);
            if (value.isPresent()) {
                out.println((showOrigin ? origin(value.get()) : "") + key + "="
                        + shown(key, value.get().value(), showSecrets));
            }
        }
        return 0;
    }

    /** A secret nobody asked to see is masked: a shared screen or a pasted log must not leak it. */
    private static String shown(String key, String value, boolean showSecrets) {
        return showSecrets ? value : SecretKeys.masked(key, value);
    }

    /** Like {@code git config --show-origin}: the layer, then {@code file:}, {@code env:} or {@code property:} and where. */
    private static String origin(SettingValue value) {
        String where = switch (value.layer()) {
            case ENVIRONMENT -> "env:";
            case SYSTEM_PROPERTIES -> "property:";
            case DEFAULTS, SYSTEM, GLOBAL, LOCAL -> "file:";
        };
        return value.layer().label() + "\t" + where + value.location() + "\t";
    }
}
