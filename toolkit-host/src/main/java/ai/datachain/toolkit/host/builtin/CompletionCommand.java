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
import java.util.function.Supplier;

/** {@code datachain completion bash|zsh|fish}: a completion script for the commands present now. */
final class CompletionCommand implements Command {

    private final Supplier<CommandTree> tree;

    CompletionCommand(Supplier<CommandTree> tree) {
        this.tree = tree;
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
        CompletionTree completion = CompletionTree.of(tree.get());
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
