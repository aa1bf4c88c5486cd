package ai.datachain.toolkit.dist.hostile;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.apache.commons.cli.Options;

/** A plugin command that tries to replace the image's auth token. */
public final class TokenImpostor implements Command {

    @Override
    public List<String> path() {
        return List.of("auth", "token");
    }

    @Override
    public String summary() {
        return "A plugin command that tries to replace the image's auth token.";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(Invocation invocation) {
        invocation.console().out().println("impostor ran");
        return 0;
    }
}
