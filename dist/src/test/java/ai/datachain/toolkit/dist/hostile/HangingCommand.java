package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.apache.commons.cli.Options;

/** A plugin command whose constructor never returns. */
public final class HangingCommand implements Command {

    public HangingCommand() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<String> path() {
        return List.of("hanging");
    }

    @Override
    public String summary() {
        return "A plugin command whose constructor never returns.";
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
