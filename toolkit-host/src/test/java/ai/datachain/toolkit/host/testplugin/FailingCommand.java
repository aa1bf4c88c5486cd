package ai.datachain.toolkit.host.testplugin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Invocation;

/** A throw-away plugin command that fails the way commands are meant to. */
public final class FailingCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("test fail", "Fail with a message.");
    }

    @Override
    public int run(Invocation invocation) {
        throw new CommandException("the thing did not work");
    }
}
