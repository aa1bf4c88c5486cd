package ai.datachain.toolkit.host.cli;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.host.ToolkitVersion;
import ai.datachain.toolkit.host.logging.Logging;
import ai.datachain.toolkit.host.runtime.RuntimeRelease;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Turns one command line into one command run, stage by stage: {@link RootFlags}, then
 * {@link PluginSelection} (the plugins and the command tree), {@link TreeWalk} (to the command),
 * {@link CommandParser} (its options and arguments) and {@link CommandExecution} (the run and its
 * exit code). A {@link UsageError} from any stage is printed here and exits with 2.
 */
public final class CommandDispatcher {

    private final Environment environment;
    private final Path imageHome;
    private final PrintStream out;
    private final PrintStream err;
    private final CommandExecution execution;

    public CommandDispatcher(Environment environment, Path imageHome, InputStream in, PrintStream out,
            PrintStream err, boolean interactive) {
        this.environment = environment;
        this.imageHome = imageHome;
        this.out = out;
        this.err = err;
        this.execution = new CommandExecution(environment, imageHome, in, out, err, interactive);
    }

    public int dispatch(String[] args) {
        try {
            return dispatchOrRefuse(args);
        } catch (UsageError e) {
            err.print(e.render());
            return CommandException.USAGE;
        }
    }

    private int dispatchOrRefuse(String[] args) throws UsageError {
        RootFlags root = RootFlags.parse(args);
        Logging.configure(root.common().verbosity());
        if (root.version()) {
            out.println(RuntimeRelease.versionLine(imageHome, ToolkitVersion.get()));
            return 0;
        }
        PluginSelection.Commands commands = new PluginSelection(environment, imageHome, err)
                .select(root.words(), root.common().verbosity());
        TreeWalk.Destination destination = TreeWalk.follow(commands.tree(), root.words());
        CommonFlags flags = root.common().plus(destination.flags());
        CommandTree.Node node = destination.node();
        if (!node.isLeaf()) {
            out.print(HelpRenderer.group(node, ToolkitVersion.get()));
            return 0;
        }
        Command command = node.command().orElseThrow();
        CommandDeclaration declaration = node.declaration().orElseThrow();
        CommandParser.Parsed parsed = CommandParser.parse(declaration, command.options(), destination.rest(),
                flags.help());
        flags = flags.plus(parsed.flags());
        if (flags.help()) {
            out.print(HelpRenderer.command(declaration, command.options()));
            return 0;
        }
        Logging.configure(flags.verbosity());
        return execution.run(command, declaration.path(), parsed.commandLine(), flags.verbosity(),
                commands.plugins()::configFormats);
    }
}
