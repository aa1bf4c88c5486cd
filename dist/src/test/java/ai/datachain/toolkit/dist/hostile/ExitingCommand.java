package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.apache.commons.cli.Options;

/** A plugin command whose constructor ends the process. */
public final class ExitingCommand implements Command {

    public ExitingCommand() {
        System.exit(42);
    }

    @Override
    public List<String> path() {
        return List.of("exiting");
    }

    @Override
    public String summary() {
        return "A plugin command whose constructor ends the process.";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(Invocation invocation) {
        return 0;
    }
}
