package ai.datachain.toolkit.host.testplugin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;

/** A throw-away plugin command built against a library its plugin does not ship. */
public final class UnlinkedCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("test unlinked", "Fail to find a class, as a plugin with a missing library does.");
    }

    @Override
    public int run(Invocation invocation) {
        throw new NoClassDefFoundError("com/example/MissingLibrary");
    }
}
