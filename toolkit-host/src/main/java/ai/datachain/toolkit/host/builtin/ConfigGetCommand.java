package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.SettingValue;
import ai.datachain.toolkit.api.config.Settings;
import java.util.Optional;
import org.apache.commons.cli.Options;

/** {@code datachain config get KEY}: prints one setting's value, raw, for scripts. */
final class ConfigGetCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("config get", "Print the value of a setting.")
                .withDescription("Print the value of a setting exactly as stored, with no quotes, so scripts can use"
                        + " it. Without a level flag the value is the one in effect: local over global over system"
                        + " over the image defaults, and DATACHAIN_<SECTION>_<NAME> environment variables over all"
                        + " files. With a level flag only that file is read. A setting that is not set prints"
                        + " nothing and exits with 1.")
                .withArguments(ConfigLevelOption.KEY_ARGUMENT)
                .withExamples(new Example("datachain config get studio.url", "Show the Studio address in effect."),
                        new Example("datachain config get studio.team --local",
                                "Show the default team of this project only."));
    }

    @Override
    public Options options() {
        return ConfigLevelOption.add(new Options(), "Read only");
    }

    @Override
    public int run(Invocation invocation) {
        String key = ConfigLevelOption.key(invocation.commandLine().getArgList().get(0));
        Optional<ConfigLevel> level = ConfigLevelOption.chosen(invocation.commandLine());
        Settings settings = invocation.settings();
        Optional<SettingValue> value = level.isPresent() ? settings.levelValue(level.get(), key) : settings.value(key);
        if (value.isEmpty()) {
            invocation.console().debug(key + " is not set");
            return 1;
        }
        invocation.console().out().println(value.get().value());
        return 0;
    }
}
