package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.apache.commons.cli.Options;

/** Greets too, from a plugin that comes second. */
public final class OtherGreetCommand implements Command {

    @Override
    public List<String> path() {
        return List.of("greet");
    }

    @Override
    public String summary() {
        return "Greets too, from a plugin that comes second.";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(Invocation invocation) {
        invocation.console().out().println("greet from the second");
        return 0;
    }
}
