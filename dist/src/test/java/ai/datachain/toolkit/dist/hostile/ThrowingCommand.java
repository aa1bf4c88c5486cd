package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.apache.commons.cli.Options;

/** A plugin command whose constructor throws. */
public final class ThrowingCommand implements Command {

    public ThrowingCommand() {
        throw new IllegalStateException("no configuration for me");
    }

    @Override
    public List<String> path() {
        return List.of("throwing");
    }

    @Override
    public String summary() {
        return "A plugin command whose constructor throws.";
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
