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
     *
     * @return the command line, parsed against the command's options and the common ones
     */
    CommandLine commandLine();

    /**
     * Where output goes, and how chatty to be.
     *
     * @return the console of this invocation
     */
    Console console();

    /**
     * The settings in effect as a MicroProfile {@link Config}, for typed reads and conversions:
     * every layer counts, with the precedence and the rule for empty values of
     * {@link Settings#value(String)}, which it agrees with for every text value. Each layer is a
     * {@code ConfigSource} whose ordinal follows the {@link ai.datachain.toolkit.api.config.Layer}
     * order. Ask {@link #settings()} to know where a value comes from. Files are read only when a
     * value is first asked for, so a command that never asks parses no file; a file that cannot be
     * read or parsed is then a {@link CommandException} naming it.
     *
     * @return the settings as a MicroProfile {@code Config}; it reflects every
     *     {@link Settings#edit} of this invocation
     */
    Config config();

    /**
     * The settings: values with their origin, one level's file, and the one way to change a file.
     * Like {@link #config()}, it reads files only when asked for a value or a file.
     *
     * @return the settings of this invocation, the same object on every call
     */
    Settings settings();

    /**
     * Environment variables and well-known directories, as this invocation sees them.
     *
     * @return the environment; the one the settings' environment layer and file locations come from
     */
    Environment environment();

    /**
     * The version of the running toolkit, the one a plugin's {@code plugin.requires} is checked
     * against.
     *
     * @return the version, e.g. {@code 0.1.0}
     */
    String toolkitVersion();
}
