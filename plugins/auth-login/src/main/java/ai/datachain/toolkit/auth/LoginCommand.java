package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.apache.commons.cli.Options;
import org.pf4j.Extension;

/** {@code datachain auth login}: the Studio device login. */
@Extension
public final class LoginCommand implements Command {

    @Override
    public List<String> path() {
        return List.of("auth", "login");
    }

    @Override
    public String summary() {
        return "Log in to Studio and save a client token in the DataChain config.";
    }

    @Override
    public String description() {
        return "Authenticate with DataChain Studio in your browser (or with a code on another device) and"
                + " store the client token it issues in the DataChain configuration. By default the token"
                + " has every scope, a name Studio picks at random, and expires in 365 days.";
    }

    @Override
    public Options options() {
        return LoginOptions.create();
    }

    @Override
    public List<Example> examples() {
        return List.of(
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
                        "A 30-day token named short-term-token for data-team only."));
    }

    @Override
    public int run(Invocation invocation) {
        throw new CommandException("login is being wired up");
    }
}
