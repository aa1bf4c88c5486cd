package ${package};

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code datachain ${command} [NAME]}: prints a greeting. The greeting word is the setting
 * {@code ${command}.greeting}, read from any configuration file or {@code DATACHAIN_${command.toUpperCase()}_GREETING}.
 */
@Extension
public final class PluginCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("${command}", "Print a greeting.")
                .withDescription("Print a greeting for NAME. The greeting word is the setting ${command}.greeting,"
                        + " 'Hello' when unset.")
                .withArguments(Argument.optional("NAME", "Who to greet (default: world)."))
                .withExamples(new Example("datachain ${command} Ada", "Print 'Hello, Ada!'."));
    }

    @Override
    public int run(Invocation invocation) throws CommandException {
        // The host has checked the words against the declaration: none or one.
        List<String> names = invocation.commandLine().getArgList();
        String name = names.isEmpty() ? "world" : names.get(0);
        String greeting = invocation.config().getOptionalValue("${command}.greeting", String.class).orElse("Hello");
        invocation.console().out().println(greeting + ", " + name + "!");
        return 0;
    }
}
