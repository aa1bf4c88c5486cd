package ${package};

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.apache.commons.cli.Options;
import org.pf4j.Extension;

/**
 * {@code datachain ${command} [NAME]}: prints a greeting. The greeting word is the setting
 * {@code ${command}.greeting}, read from any configuration file or {@code DATACHAIN_${command.toUpperCase()}_GREETING}.
 */
@Extension
public final class PluginCommand implements Command {

    @Override
    public List<String> path() {
        return List.of("${command}");
    }

    @Override
    public String summary() {
        return "Print a greeting.";
    }

    @Override
    public String description() {
        return "Print a greeting for NAME (default: world). The greeting word is the setting"
                + " ${command}.greeting, 'Hello' when unset.";
    }

    @Override
    public String arguments() {
        return "[NAME]";
    }

    @Override
    public Options options() {
        return new Options(); // a fresh instance on every call: the host adds -h, -v and -q to it
    }

    @Override
    public List<Example> examples() {
        return List.of(new Example("datachain ${command} Ada", "Print 'Hello, Ada!'."));
    }

    @Override
    public int run(Invocation invocation) throws CommandException {
        List<String> names = invocation.commandLine().getArgList();
        if (names.size() > 1) {
            throw CommandException.usage("expected at most one NAME, got " + names.size());
        }
        String name = names.isEmpty() ? "world" : names.get(0);
        String greeting = invocation.config().getOptionalValue("${command}.greeting", String.class).orElse("Hello");
        invocation.console().out().println(greeting + ", " + name + "!");
        return 0;
    }
}
