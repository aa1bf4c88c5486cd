package ai.datachain.toolkit.host.testplugin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.apache.commons.cli.Options;

/** A throw-away plugin command with a bug: an unexpected exception. */
public final class CrashingCommand implements Command {

    @Override
    public List<String> path() {
        return List.of("test", "crash");
    }

    @Override
    public String summary() {
        return "Throw an unexpected exception.";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(Invocation invocation) {
        throw new IllegalStateException("bug in plugin");
    }
}
