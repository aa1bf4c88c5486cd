package ai.datachain.toolkit.api;

import ai.datachain.toolkit.api.config.Settings;
import org.apache.commons.cli.CommandLine;
import org.eclipse.microprofile.config.Config;

/** Everything a running command gets from the host. */
public interface Invocation {

    /**
     * The parsed command line: the command's options and its positional arguments. The host has
     * checked the positional words against the declared arguments, so {@code getArgList()} holds
     * one word per required argument, then at most one per optional argument or one or more for a
     * repeated last one, in declaration order.
     */
    CommandLine commandLine();

    /** Where output goes, and how chatty to be. */
    Console console();

    /**
     * The settings in effect as a MicroProfile {@link Config}, for typed reads and conversions:
     * every layer counts, with the precedence and the rule for empty values of
     * {@link Settings#value(String)}, which it agrees with for every text value. Each layer is a
     * {@code ConfigSource} whose ordinal follows the {@link ai.datachain.toolkit.api.config.Layer}
     * order. Ask {@link #settings()} to know where a value comes from.
     */
    Config config();

    /** The settings: values with their origin, one level's file, and the one way to change a file. */
    Settings settings();

    /** Environment variables and well-known directories, as this invocation sees them. */
    Environment environment();

    /** The toolkit's version, e.g. {@code 0.1.0}. */
    String toolkitVersion();
}
