package ai.datachain.toolkit.host.testplugin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.apache.commons.cli.Options;

/** A throw-away plugin command that fails the way commands are meant to. */
public final class FailingCommand implements Command {

    @Override
    public List<String> path() {
        return List.of("test", "fail");
    }

    @Override
    public String summary() {
        return "Fail with a message.";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(Invocation invocation) {
        throw new CommandException("the thing did not work");
    }
}
