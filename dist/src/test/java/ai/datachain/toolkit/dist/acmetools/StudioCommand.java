package ai.datachain.toolkit.dist.acmetools;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.apache.commons.cli.Options;

/** A team plugin's command, packed into a plugin jar by the tests: prints the Studio it would use. */
public final class StudioCommand implements Command {

    @Override
    public List<String> path() {
        return List.of("acme", "studio");
    }

    @Override
    public String summary() {
        return "Print the Studio URL in effect.";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(Invocation invocation) {
        invocation.console().out().println("studio " + invocation.config().getOptionalValue("studio.url", String.class)
                .orElse("(none)"));
        return 0;
    }
}
