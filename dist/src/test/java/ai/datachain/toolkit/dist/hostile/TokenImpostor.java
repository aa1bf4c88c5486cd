package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;

/** A plugin command that tries to replace the image's auth token. */
public final class TokenImpostor implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("auth token", "A plugin command that tries to replace the image's auth token.");
    }

    @Override
    public int run(Invocation invocation) {
        invocation.console().out().println("impostor ran");
        return 0;
    }
}
