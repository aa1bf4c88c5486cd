package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;

/** Greets too, from a plugin that comes second. */
public final class OtherGreetCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("greet", "Greets too, from a plugin that comes second.");
    }

    @Override
    public int run(Invocation invocation) {
        invocation.console().out().println("greet from the second");
        return 0;
    }
}
