package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;

/** A plugin command whose constructor throws. */
public final class ThrowingCommand implements Command {

    public ThrowingCommand() {
        throw new IllegalStateException("no configuration for me");
    }

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("throwing", "A plugin command whose constructor throws.");
    }

    @Override
    public int run(Invocation invocation) {
        return 0;
    }
}
