package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;

/** A command of a plugin that needs another. */
public final class DependentCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("dependent", "A command of a plugin that needs another.");
    }

    @Override
    public int run(Invocation invocation) {
        invocation.console().out().println("dependent ran");
        return 0;
    }
}
