package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Environment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Environment variables chosen by a test, for the pieces that read them (the commands run on the real host). */
final class Variables implements Environment {

    final Map<String, String> variables = new HashMap<>();

    Variables() {
        variables.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    @Override
    public Map<String, String> variables() {
        return variables;
    }

    @Override
    public Path homeDirectory() {
        return Path.of("/home/test");
    }

    @Override
    public Path workingDirectory() {
        return Path.of("/home/test/project");
    }
}
