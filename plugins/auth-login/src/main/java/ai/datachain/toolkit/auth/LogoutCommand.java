package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Console;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.SettingValue;
import ai.datachain.toolkit.api.config.Settings;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.pf4j.Extension;

/**
 * {@code datachain auth logout}: revokes the token on Studio, then removes it (and the default
 * team) from one config file. If Studio cannot revoke it, the file is left alone so the user can
 * try again. The token is sent only to the Studio its own file names ({@link StudioAddress#ofLevel}).
 */
@Extension
public final class LogoutCommand implements Command {

    static final String LOCAL = "local";

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("auth logout", "Revoke the saved Studio token and remove it from the config.")
                .withDescription("Ask Studio to revoke the token saved in your global config (or the project's local"
                        + " config with --local), then remove the token and the default team from that file. The"
                        + " Studio URL stays, so the next login goes to the same instance.")
                .withExamples(
                        new Example("datachain auth logout", "Revoke and remove the token in your global config."),
                        new Example("datachain auth logout --local", "The same for this project's local config."));
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt(LOCAL)
                .desc("Log out of the token in this project's local config instead of the global one.").get());
    }

    @Override
    public int run(Invocation invocation) {
        Console console = invocation.console();
        Settings settings = invocation.settings();
        ConfigLevel level = invocation.commandLine().hasOption(LOCAL) ? ConfigLevel.LOCAL : ConfigLevel.GLOBAL;
        String token = AccessToken.stored(settings.levelValue(level, StudioKeys.TOKEN).map(SettingValue::value)
                .filter(t -> !t.isBlank()).orElseThrow(NotLoggedIn::new), () -> settings.location(level).toString());
        StudioAddress studio = StudioAddress.ofLevel(level, settings);
        try {
            new TokenRevocation(new StudioConnection(invocation.toolkitVersion(), console,
                    invocation.environment(), StudioTimeouts.LOGOUT), console)
                    .revoke(studio, token);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("Logout interrupted; the config was not changed.", null,
                    CommandException.INTERRUPTED);
        }
        settings.edit(level, document -> {
            document.clearProperty(StudioKeys.TOKEN);
            document.clearProperty(StudioKeys.TEAM);
            TokenRecord.clear(document);
        });
        console.out().println("Logged out from Studio. (you can log back in with 'datachain auth login')");
        return 0;
    }
}
