package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;

/** A command of a plugin others depend on. */
public final class BaseCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("base", "A command of a plugin others depend on.");
    }

    @Override
    public int run(Invocation invocation) {
        invocation.console().out().println("base ran");
        return 0;
    }
}
