package ai.datachain.toolkit.dist.grouped;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;

/** {@code greetings hello}: a command inside a group its plugin describes. */
public final class HelloCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("greetings hello", "Say hello.");
    }

    @Override
    public int run(Invocation invocation) {
        invocation.console().out().println("hello");
        return 0;
    }
}
