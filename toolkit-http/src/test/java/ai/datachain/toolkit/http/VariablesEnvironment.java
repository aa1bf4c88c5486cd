package ai.datachain.toolkit.http;

import ai.datachain.toolkit.api.Environment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** An environment of variables only: proxies and certificate bundles read nothing else. */
record VariablesEnvironment(Map<String, String> variables) implements Environment {

    VariablesEnvironment() {
        this(new HashMap<>());
    }

    @Override
    public Path homeDirectory() {
        throw new UnsupportedOperationException("proxies and certificate bundles never read the home directory");
    }

    @Override
    public Path workingDirectory() {
        throw new UnsupportedOperationException("proxies and certificate bundles never read the working directory");
    }
}
