package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.apache.commons.cli.Options;

/** A command of a plugin others depend on. */
public final class BaseCommand implements Command {

    @Override
    public List<String> path() {
        return List.of("base");
    }

    @Override
    public String summary() {
        return "A command of a plugin others depend on.";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(Invocation invocation) {
        invocation.console().out().println("base ran");
        return 0;
    }
}
