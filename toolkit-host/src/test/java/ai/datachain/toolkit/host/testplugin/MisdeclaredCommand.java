package ai.datachain.toolkit.host.testplugin;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;

/** A throw-away plugin command whose declaration cannot be matched: an optional argument before a required one. */
public final class MisdeclaredCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("odd copy", "Copy, maybe.")
                .withArguments(Argument.optional("FROM", "Where from."), Argument.required("TO", "Where to."));
    }

    @Override
    public int run(Invocation invocation) {
        return 0;
    }
}
