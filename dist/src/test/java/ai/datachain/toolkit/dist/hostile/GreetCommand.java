package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.apache.commons.cli.Options;

/** Greets, from the plugin that comes first. */
public final class GreetCommand implements Command {

    @Override
    public List<String> path() {
        return List.of("greet");
    }

    @Override
    public String summary() {
        return "Greets, from the plugin that comes first.";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(Invocation invocation) {
        invocation.console().out().println("greet from the first");
        return 0;
    }
}
