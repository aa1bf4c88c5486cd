package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.CommandGroup;
import java.util.List;
import org.pf4j.Extension;

/** Describes {@code datachain auth} in command lists. */
@Extension
public final class AuthCommandGroup implements CommandGroup {

    @Override
    public List<String> path() {
        return List.of("auth");
    }

    @Override
    public String summary() {
        return "Log in to DataChain Studio and manage the saved token.";
    }
}
