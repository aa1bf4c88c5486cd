package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;

/** A plugin command whose constructor ends the process. */
public final class ExitingCommand implements Command {

    public ExitingCommand() {
        System.exit(42);
    }

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("exiting", "A plugin command whose constructor ends the process.");
    }

    @Override
    public int run(Invocation invocation) {
        return 0;
    }
}
