package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.ConfigLevel;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.pf4j.Extension;

/** {@code datachain auth team [NAME]}: sets or shows the default Studio team. */
@Extension
public final class TeamCommand implements Command {

    static final String LOCAL = "local";
    static final String NO_TEAM = "No default team set. Use `datachain auth team <team_name>` to set one.";

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("auth team", "Set or show the default Studio team.")
                .withDescription("With a team name, save it as the default team in your global config (or the"
                        + " project's local config with --local). Without one, print the default team the"
                        + " configuration resolves to.")
                .withArguments(Argument.optional("NAME", "The team to make the default."))
                .withExamples(new Example("datachain auth team ml-team", "Make ml-team the default team."),
                        new Example("datachain auth team ml-team --local", "The same, for this project only."),
                        new Example("datachain auth team", "Show the default team."));
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt(LOCAL)
                        .desc("Save the team in this project's local config instead of the global one.").get())
                .addOption(JsonOutput.option());
    }

    @Override
    public int run(Invocation invocation) {
        List<String> arguments = invocation.commandLine().getArgList();
        boolean json = invocation.commandLine().hasOption(JsonOutput.OPTION);
        ObjectMapper mapper = JsonOutput.mapper();
        if (arguments.isEmpty()) {
            String team = invocation.config().getOptionalValue(StudioKeys.TEAM, String.class)
                    .filter(t -> !t.isBlank()).orElseThrow(() -> new CommandException(NO_TEAM));
            if (json) {
                JsonOutput.print(invocation.console(), mapper, mapper.createObjectNode().put("team", team));
            } else {
                invocation.console().out().println("Default team is '" + PrintableText.of(team) + "'");
            }
            return 0;
        }
        String team = Optional.of(arguments.get(0).strip()).filter(t -> !t.isEmpty())
                .orElseThrow(() -> CommandException.usage("the team name must not be empty"));
        ConfigLevel level = invocation.commandLine().hasOption(LOCAL) ? ConfigLevel.LOCAL : ConfigLevel.GLOBAL;
        Path file = invocation.settings().edit(level, document -> document.setProperty(StudioKeys.TEAM, team));
        if (json) {
            ObjectNode document = mapper.createObjectNode().put("team", team).put("config_file", file.toString());
            JsonOutput.print(invocation.console(), mapper, document);
        } else {
            invocation.console().out().println("Set default team to '" + team + "' in " + file);
        }
        return 0;
    }
}
