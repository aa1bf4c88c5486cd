package ai.datachain.toolkit.dist.acmetools;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;

/** A team plugin's command, packed into a plugin jar by the tests: prints the Studio it would use. */
public final class StudioCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("acme studio", "Print the Studio URL in effect.");
    }

    @Override
    public int run(Invocation invocation) {
        invocation.console().out().println("studio " + invocation.config().getOptionalValue("studio.url", String.class)
                .orElse("(none)"));
        return 0;
    }
}
