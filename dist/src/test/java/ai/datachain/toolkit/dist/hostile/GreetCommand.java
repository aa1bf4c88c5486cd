package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;

/** Greets, from the plugin that comes first. */
public final class GreetCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("greet", "Greets, from the plugin that comes first.");
    }

    @Override
    public int run(Invocation invocation) {
        invocation.console().out().println("greet from the first");
        return 0;
    }
}
