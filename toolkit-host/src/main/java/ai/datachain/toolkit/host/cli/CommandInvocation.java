package ai.datachain.toolkit.host.cli;

import ai.datachain.toolkit.api.Console;
import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.Settings;
import ai.datachain.toolkit.host.config.Configuration;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.eclipse.microprofile.config.Config;

/**
 * What the host hands a running command. The configuration is built on first use, so commands
 * that never read it never parse a file.
 */
final class CommandInvocation implements Invocation {

    private final CommandLine commandLine;
    private final Console console;
    private final Supplier<Configuration> configuration;
    private final Environment environment;
    private final String toolkitVersion;

    CommandInvocation(CommandLine commandLine, Console console, Supplier<Configuration> configuration,
            Environment environment, String toolkitVersion) {
        this.commandLine = commandLine;
        this.console = console;
        this.configuration = configuration;
        this.environment = environment;
        this.toolkitVersion = toolkitVersion;
    }

    @Override
    public CommandLine commandLine() {
        return commandLine;
    }

    @Override
    public Console console() {
        return console;
    }

    @Override
    public Config config() {
        return configuration.get().view();
    }

    @Override
    public Settings settings() {
        return configuration.get().settings();
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public String toolkitVersion() {
        return toolkitVersion;
    }
}
