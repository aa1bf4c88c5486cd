package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.ConfigLevel;
import java.nio.file.Path;
import org.apache.commons.cli.Options;

/** {@code datachain config unset KEY}: removes one setting from one file. */
final class ConfigUnsetCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("config unset", "Remove a setting from a configuration file.")
                .withDescription("Remove a setting from one configuration file, the user's (--global) unless --local"
                        + " or --system says otherwise. Only that key's line goes; comments and other settings"
                        + " stay. A key that is not set in that file is an error.")
                .withArguments(ConfigLevelOption.KEY_ARGUMENT)
                .withExamples(new Example("datachain config unset studio.team", "Forget your default team."),
                        new Example("datachain config unset studio.url --local",
                                "Let this project use your own Studio address."));
    }

    @Override
    public Options options() {
        return ConfigLevelOption.add(new Options(), "Change");
    }

    @Override
    public int run(Invocation invocation) {
        String key = ConfigLevelOption.key(invocation.commandLine().getArgList().get(0));
        ConfigLevel level = ConfigLevelOption.chosen(invocation.commandLine()).orElse(ConfigLevel.GLOBAL);
        Path file = invocation.settings().location(level);
        if (!invocation.settings().read(level).containsKey(key)) {
            throw new CommandException(key + " is not set in " + file);
        }
        invocation.settings().edit(level, document -> {
            if (!document.containsKey(key)) {
                throw new CommandException(key + " is not set in " + file);
            }
            document.clearProperty(key);
        });
        return 0;
    }
}
