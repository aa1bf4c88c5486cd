package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.host.cli.CommandTree;
import ai.datachain.toolkit.host.completion.BashCompletion;
import ai.datachain.toolkit.host.completion.CompletionTree;
import ai.datachain.toolkit.host.completion.FishCompletion;
import ai.datachain.toolkit.host.completion.ZshCompletion;
import ai.datachain.toolkit.host.plugins.PluginHost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code datachain completion bash|zsh|fish}: a completion script for the commands present now. */
final class CompletionCommand implements Command {

    private final Supplier<CommandTree> tree;
    private final PluginHost plugins;

    CompletionCommand(Supplier<CommandTree> tree, PluginHost plugins) {
        this.tree = tree;
        this.plugins = plugins;
    }

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("completion", "Print a shell completion script (bash, zsh or fish).")
                .withDescription("Print a completion script for bash, zsh or fish. It covers every command and option"
                        + " present when it is generated, plugins' included: generate it again after installing or"
                        + " removing a plugin.")
                .withArguments(Argument.required("SHELL", "bash, zsh or fish."))
                .withExamples(
                        new Example("datachain completion bash > ~/.local/share/bash-completion/completions/datachain",
                                "Complete datachain in every new bash."),
                        new Example("datachain completion zsh > \"${fpath[1]}/_datachain\"",
                                "Complete datachain in every new zsh (any directory on fpath will do)."),
                        new Example("datachain completion fish > ~/.config/fish/completions/datachain.fish",
                                "Complete datachain in every new fish."));
    }

    @Override
    public int run(Invocation invocation) throws CommandException {
        String shell = invocation.commandLine().getArgList().get(0);
        // This run starts no user plugin: their commands complete as the last run that created them saw them.
        Map<List<String>, CompletionTree.Described> recorded = new LinkedHashMap<>();
        plugins.unstartedCommands().forEach((path, command) -> recorded.put(List.of(path.split(" ")),
                new CompletionTree.Described(command.options(), command.arguments())));
        CompletionTree completion = CompletionTree.of(tree.get(), recorded);
        String version = invocation.toolkitVersion();
        String script = switch (shell) {
            case "bash" -> BashCompletion.render(completion, version);
            case "zsh" -> ZshCompletion.render(completion, version);
            case "fish" -> FishCompletion.render(completion, version);
            default -> throw CommandException.usage("unknown shell '" + shell
                    + "': expected bash, zsh or fish");
        };
        invocation.console().out().print(script);
        return 0;
    }
}
