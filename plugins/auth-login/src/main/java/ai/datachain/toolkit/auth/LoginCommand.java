package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.SettingValue;
import ai.datachain.toolkit.api.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.pf4j.Extension;

/** {@code datachain auth login}: the Studio device login. */
@Extension
public final class LoginCommand implements Command {

    static final String ALREADY_LOGGED_IN = "Token already exists. To login with a different token, logout using"
            + " `datachain auth logout`.";

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("auth login", "Log in to Studio and save a client token in the DataChain config.")
                .withDescription("Authenticate with DataChain Studio in your browser (or with a code on another"
                        + " device) and store the client token it issues in the DataChain configuration. By default"
                        + " the token has every scope, a name Studio picks at random, and expires in 365 days.")
                .withExamples(
                        new Example("datachain auth login", "Log in with all scopes and a random token name."),
                        new Example("datachain auth login --scopes EXPERIMENTS,DATASETS",
                                "Log in with only the EXPERIMENTS and DATASETS scopes."),
                        new Example("datachain auth login --name my-token", "Name the token 'my-token'."),
                        new Example("datachain auth login --no-open",
                                "Print a URL and code instead of opening a browser, e.g. over SSH."),
                        new Example("datachain auth login --local", "Save the token in the project's local config."),
                        new Example("datachain auth login --team data-team",
                                "Restrict the token to data-team and make it the default team."),
                        new Example("datachain auth login --team data-team --team ml-team",
                                "Restrict the token to two teams."),
                        new Example("datachain auth login --expires-in 90", "Let the token expire after 90 days."),
                        new Example("datachain auth login --team data-team --expires-in 30 --name short-term-token",
                                "A 30-day token named short-term-token for data-team only."),
                        new Example("datachain auth login --with-token < token.txt",
                                "Save an existing token read from standard input, e.g. in CI."));
    }

    @Override
    public Options options() {
        return LoginOptions.create();
    }

    @Override
    public int run(Invocation invocation) {
        CommandLine commandLine = invocation.commandLine();
        List<String> teams = teams(commandLine);
        int expiresInDays = expiresInDays(commandLine);
        boolean withToken = commandLine.hasOption(LoginOptions.WITH_TOKEN);
        if (withToken) {
            refuseDeviceLoginOptions(commandLine, teams);
        }
        boolean json = commandLine.hasOption(JsonOutput.OPTION);
        ConfigLevel level = commandLine.hasOption(LoginOptions.LOCAL) ? ConfigLevel.LOCAL : ConfigLevel.GLOBAL;

        Settings settings = invocation.settings();
        StudioAddress studio = StudioAddress.resolve(commandLine.getOptionValue(LoginOptions.HOSTNAME), settings);
        // The files only, as the reference client checks: a token from the environment is not one a login replaces.
        boolean stored = settings.fileValue(StudioKeys.TOKEN).map(SettingValue::value).filter(t -> !t.isBlank())
                .isPresent();
        if (stored && studio.sameAs(settings.fileValue(StudioKeys.URL).map(SettingValue::value).orElse(studio.url()))) {
            throw new CommandException(ALREADY_LOGGED_IN);
        }
        // Checked after the existing token, as the reference client does, and before anything else is said.
        List<String> scopes = commandLine.hasOption(LoginOptions.SCOPES)
                ? Scopes.parse(commandLine.getOptionValue(LoginOptions.SCOPES))
                : List.of();
        if (level == ConfigLevel.LOCAL) {
            warnIfGitWouldCommit(invocation);
        }
        Optional<String> hostname = Optional.ofNullable(commandLine.getOptionValue(LoginOptions.HOSTNAME))
                .filter(h -> !h.isBlank());
        LoginDestination destination = new LoginDestination(invocation);
        destination.warn(hostname, studio, level);
        if (withToken) {
            return StdinTokenLogin.run(invocation.console(), invocation.settings(), level, studio, teams, json);
        }

        DeviceLoginRequest request = new DeviceLoginRequest(
                Optional.ofNullable(commandLine.getOptionValue(LoginOptions.NAME)).filter(n -> !n.isBlank()),
                scopes, teams, expiresInDays);
        try {
            return new DeviceLoginFlow(invocation, Clock.systemDefaultZone()).run(studio,
                    destination.line(hostname, studio), request, level, !commandLine.hasOption(LoginOptions.NO_OPEN),
                    json);
        } catch (InterruptedException e) {
            throw DeviceLoginFlow.interrupted();
        }
    }

    /** Said before anything is saved, so the user can stop before the token lands in a file git would commit. */
    private static void warnIfGitWouldCommit(Invocation invocation) {
        Path file = invocation.settings().location(ConfigLevel.LOCAL);
        new GitIgnoreCheck(invocation.environment()).concern(file).ifPresent(concern -> {
            Path workTree = concern.workTree();
            String where = file + (concern.file().equals(file.toAbsolutePath().normalize()) ? ""
                    : " (a link to " + concern.file() + ")");
            invocation.console().warn(concern.doubt().isEmpty()
                    ? where + " is inside the git work tree " + workTree + " and not ignored, so git would commit"
                            + " the token saved there; add '.datachain/' to " + workTree.resolve(".gitignore")
                    : where + " is inside the git work tree " + workTree + ", but git could not tell whether it is"
                            + " ignored (" + concern.doubt().get() + "); make sure git does not commit the token"
                            + " saved there");
        });
    }

    private static List<String> teams(CommandLine commandLine) {
        String[] values = commandLine.getOptionValues(LoginOptions.TEAM);
        List<String> teams = values == null ? List.of() : Arrays.stream(values).map(String::strip).toList();
        if (teams.stream().anyMatch(String::isEmpty)) {
            throw CommandException.usage("--team needs a team name");
        }
        return teams;
    }

    /** The host has already refused a value that is not a whole number; what is left is the range. */
    private static int expiresInDays(CommandLine commandLine) {
        int days;
        try {
            days = commandLine.getParsedOptionValue(LoginOptions.EXPIRES_IN, LoginOptions.DEFAULT_EXPIRES_IN_DAYS);
        } catch (ParseException e) {
            throw CommandException.usage(e.getMessage());
        }
        if (days < 1) {
            throw CommandException.usage("--expires-in must be at least 1 day");
        }
        return days;
    }

    /** {@code --with-token} saves a token that already exists: options that shape a new one make no sense. */
    private static void refuseDeviceLoginOptions(CommandLine commandLine, List<String> teams) {
        for (String option : List.of(LoginOptions.SCOPES, LoginOptions.NAME, LoginOptions.EXPIRES_IN,
                LoginOptions.NO_OPEN)) {
            if (commandLine.hasOption(option)) {
                throw CommandException.usage("--with-token cannot be combined with --" + option);
            }
        }
        if (teams.size() > 1) {
            throw CommandException.usage("--with-token takes at most one --team, the default team");
        }
    }
}
