package ai.datachain.toolkit.host.cli;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.CommandGroup;
import ai.datachain.toolkit.api.Environment;
import ai.datachain.toolkit.host.ToolkitVersion;
import ai.datachain.toolkit.host.builtin.BuiltinCommands;
import ai.datachain.toolkit.host.config.Configuration;
import ai.datachain.toolkit.host.config.ConfigurationLayers;
import ai.datachain.toolkit.host.plugins.CommandIndex;
import ai.datachain.toolkit.host.plugins.DisabledPlugins;
import ai.datachain.toolkit.host.plugins.PluginDirectories;
import ai.datachain.toolkit.host.plugins.PluginHost;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;
import org.pf4j.PluginWrapper;

/**
 * Turns one command line into one command run: global flags, plugin loading, finding the command
 * in the tree, parsing its options, running it, and mapping every outcome to an exit code.
 */
public final class CommandDispatcher {

    private static final String BUILTIN_SOURCE = "datachain";

    private final Environment environment;
    private final Path imageHome;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;

    public CommandDispatcher(Environment environment, Path imageHome, InputStream in, PrintStream out,
            PrintStream err, boolean interactive) {
        this.environment = environment;
        this.imageHome = imageHome;
        this.in = in;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    public int dispatch(String[] args) {
        RootFlags flags;
        try {
            flags = RootFlags.parse(args);
        } catch (ParseException e) {
            err.print(new UsageError(e.getMessage(), List.of()).render());
            return CommandException.USAGE;
        }
        Logging.configure(flags.verbosity());
        if (flags.version()) {
            out.println("datachain " + ToolkitVersion.get());
            return 0;
        }

        List<String> rest = Arrays.asList(args).subList(flags.consumed(), args.length);
        // Only the plugin that owns the command is started when the command index knows it; help and
        // the plugin commands start no user plugin at all.
        PluginHost plugins = PluginHost.startFor(rest, PluginDirectories.all(imageHome, environment),
                PluginDirectories.bundled(imageHome), ToolkitVersion.get(), CommandIndex.directory(environment),
                DisabledPlugins.in(PluginDirectories.user(environment)),
                !BuiltinCommands.needNoPluginCode(rest, flags.help()));
        CommandTree tree = buildTree(plugins);
        if (flags.verbosity() >= 0) {
            plugins.problems().forEach(problem -> err.println("warning: " + problem));
            tree.conflicts().forEach(conflict -> err.println("warning: " + conflict));
        }
        plugins.remember(commandSources(tree), pluginCommands(tree), tree.conflicts());

        CommandTree.Node node = tree.root();
        int index = 0;
        while (index < rest.size() && !node.isLeaf()) {
            Optional<CommandTree.Node> child = node.child(rest.get(index));
            if (child.isEmpty()) {
                break;
            }
            node = child.get();
            index++;
        }
        List<String> remaining = rest.subList(index, rest.size());

        if (!node.isLeaf()) {
            return groupInvoked(node, remaining, flags);
        }
        Command command = node.command().orElseThrow();
        return runCommand(command, remaining, flags, plugins);
    }

    private int groupInvoked(CommandTree.Node node, List<String> remaining, RootFlags flags) {
        if (remaining.isEmpty() || flags.help() || isHelp(remaining.get(0))) {
            out.print(HelpRenderer.group(node, ToolkitVersion.get()));
            return 0;
        }
        String word = remaining.get(0);
        String where = HelpRenderer.commandName(node.path());
        String message = word.startsWith("-")
                ? "unknown option '" + word + "' for '" + where + "'"
                : "unknown command '" + word + "' for '" + where + "'";
        if (!word.startsWith("-")) {
            List<String> names = node.children().stream().map(CommandTree.Node::name).toList();
            Optional<String> suggestion = Suggestions.closest(word, names);
            if (suggestion.isPresent()) {
                message += ". Did you mean '" + suggestion.get() + "'?";
            }
        }
        err.print(new UsageError(message, node.path()).render());
        return CommandException.USAGE;
    }

    private static boolean isHelp(String word) {
        return word.equals("-h") || word.equals("--help");
    }

    private int runCommand(Command command, List<String> arguments, RootFlags flags, PluginHost plugins) {
        Options options = GlobalOptions.withCommon(command.options());
        CommandLine commandLine;
        try {
            commandLine = DefaultParser.builder().setAllowPartialMatching(false)
                    .setStripLeadingAndTrailingQuotes(false).get()
                    .parse(options, arguments.toArray(String[]::new));
            if (!commandLine.hasOption(GlobalOptions.HELP)) {
                checkTypedValues(commandLine);
                refuseStrayWords(command, commandLine);
            }
        } catch (ParseException e) {
            err.print(new UsageError(describe(e, command, options), command.path()).render());
            return CommandException.USAGE;
        }
        if (flags.help() || commandLine.hasOption(GlobalOptions.HELP)) {
            out.print(HelpRenderer.command(command));
            return 0;
        }

        int verbosity = flags.verbosity() + count(commandLine, "v") - count(commandLine, "q");
        Logging.configure(verbosity);
        TerminalConsole console = new TerminalConsole(out, err, in, verbosity, interactive);
        Supplier<Configuration> configuration = memoize(() -> ConfigurationLayers.load(environment, imageHome,
                plugins.configFormats()));
        CommandInvocation invocation = new CommandInvocation(commandLine, console, configuration, environment,
                ToolkitVersion.get());
        try {
            return command.run(invocation);
        } catch (CommandException e) {
            if (e.exitCode() == CommandException.USAGE) {
                err.print(new UsageError(e.getMessage(), command.path()).render());
            } else {
                err.println("Error: " + e.getMessage());
            }
            printTrace(e, verbosity);
            return e.exitCode();
        } catch (RuntimeException e) {
            err.println("Error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (verbosity <= 0) {
                err.println("(run again with -v for the stack trace)");
            }
            printTrace(e, verbosity);
            return CommandException.FAILURE;
        }
    }

    private void printTrace(Throwable e, int verbosity) {
        if (verbosity > 0) {
            e.printStackTrace(err);
        }
    }

    /** Converts every typed option value now, so a bad number is a usage error before the command runs. */
    private static void checkTypedValues(CommandLine commandLine) throws ParseException {
        for (Option option : commandLine.getOptions()) {
            Object type = option.getType();
            if (option.hasArg() && type instanceof Class<?> cls && cls != String.class && cls != Object.class) {
                for (String value : option.getValues()) {
                    try {
                        org.apache.commons.cli.TypeHandler.createValue(value, cls);
                    } catch (ParseException | RuntimeException e) {
                        throw new ParseException("invalid value '" + value + "' for " + optionName(option)
                                + ": expected " + expected(cls));
                    }
                }
            }
        }
    }

    /**
     * A command that declares no positional arguments takes none: a stray word is a usage error,
     * not silently ignored ({@code auth login my-token} meant {@code --name my-token}).
     */
    private static void refuseStrayWords(Command command, CommandLine commandLine) throws ParseException {
        if (command.arguments().isBlank() && !commandLine.getArgList().isEmpty()) {
            throw new ParseException("unexpected argument '" + commandLine.getArgList().get(0) + "'");
        }
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == Short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "a " + type.getSimpleName();
    }

    private static String optionName(Option option) {
        return option.getLongOpt() != null ? "--" + option.getLongOpt() : "-" + option.getOpt();
    }

    private static String describe(ParseException e, Command command, Options options) {
        if (e instanceof UnrecognizedOptionException unrecognized) {
            String typed = unrecognized.getOption();
            List<String> names = new ArrayList<>();
            for (Option option : options.getOptions()) {
                if (option.getLongOpt() != null) {
                    names.add("--" + option.getLongOpt());
                }
            }
            String message = "unknown option '" + typed + "' for '" + HelpRenderer.commandName(command.path()) + "'";
            Optional<String> suggestion = typed.startsWith("--") ? Suggestions.closest(typed, names) : Optional.empty();
            return suggestion.map(s -> message + ". Did you mean '" + s + "'?").orElse(message);
        }
        if (e instanceof org.apache.commons.cli.AlreadySelectedException both && both.getOption() != null
                && both.getOptionGroup() != null) {
            Option chosen = options.getOption(both.getOptionGroup().getSelected());
            return optionName(both.getOption()) + " cannot be used with "
                    + (chosen != null ? optionName(chosen) : both.getOptionGroup().getSelected());
        }
        if (e instanceof org.apache.commons.cli.MissingArgumentException missing) {
            return "option " + optionName(missing.getOption()) + " needs a value";
        }
        String message = e.getMessage();
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static int count(CommandLine commandLine, String shortName) {
        return (int) Arrays.stream(commandLine.getOptions()).filter(o -> shortName.equals(o.getOpt())).count();
    }

    private CommandTree buildTree(PluginHost plugins) {
        CommandTree tree = new CommandTree();
        BuiltinCommands builtins = new BuiltinCommands(plugins, imageHome, () -> tree);
        builtins.commands().forEach(command -> tree.add(command, BUILTIN_SOURCE));
        builtins.groups().forEach(tree::describe);
        for (PluginWrapper plugin : plugins.plugins()) {
            if (!plugin.getPluginState().isStarted()) {
                continue;
            }
            String id = plugin.getPluginId();
            try {
                plugins.extensions(Command.class, id).forEach(command -> tree.add(command, id));
                plugins.extensions(CommandGroup.class, id).forEach(tree::describe);
            } catch (RuntimeException | LinkageError e) {
                err.println("warning: plugin " + id + " skipped: its commands could not be created: " + e);
            }
        }
        builtins.describedPluginCommands().forEach(tree::describe);
        return tree;
    }

    /** Each plugin command by its path, for the command index. */
    private static Map<String, Command> pluginCommands(CommandTree tree) {
        Map<String, Command> commands = new LinkedHashMap<>();
        for (CommandTree.Node leaf : tree.leaves()) {
            if (!leaf.source().equals(BUILTIN_SOURCE)) {
                commands.put(String.join(" ", leaf.path()), leaf.command().orElseThrow());
            }
        }
        return commands;
    }

    /** Which plugin contributes each plugin command, for the command index. */
    private static Map<String, String> commandSources(CommandTree tree) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (CommandTree.Node leaf : tree.leaves()) {
            if (!leaf.source().equals(BUILTIN_SOURCE)) {
                sources.put(String.join(" ", leaf.path()), leaf.source());
            }
        }
        return sources;
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
