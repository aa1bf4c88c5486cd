package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;

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
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("hanging", "A plugin command whose constructor never returns.");
    }

    @Override
    public int run(Invocation invocation) {
        return 0;
    }
}
