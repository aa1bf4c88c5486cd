package ai.datachain.toolkit.dist.grouped;

import ai.datachain.toolkit.api.CommandGroup;
import java.util.List;

/** The description of the {@code greetings} group, given by its plugin. */
public final class GreetingsGroup implements CommandGroup {

    @Override
    public List<String> path() {
        return List.of("greetings");
    }

    @Override
    public String summary() {
        return "Say hello in several ways.";
    }
}
