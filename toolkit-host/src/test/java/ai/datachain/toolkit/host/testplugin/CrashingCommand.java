package ai.datachain.toolkit.host.testplugin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;

/** A throw-away plugin command with a bug: an unexpected exception. */
public final class CrashingCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("test crash", "Throw an unexpected exception.");
    }

    @Override
    public int run(Invocation invocation) {
        throw new IllegalStateException("bug in plugin");
    }
}
