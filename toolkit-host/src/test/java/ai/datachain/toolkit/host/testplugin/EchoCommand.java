package ai.datachain.toolkit.host.testplugin;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** A throw-away plugin command: prints its arguments, upper-cased with --loud. */
public final class EchoCommand implements Command {

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("test echo", "Print the arguments.")
                .withArguments(Argument.repeated("WORD", "A word to print."));
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt("loud").desc("Shout.").get());
    }

    @Override
    public int run(Invocation invocation) {
        String text = String.join(" ", invocation.commandLine().getArgList());
        invocation.console().out().println(invocation.commandLine().hasOption("loud") ? text.toUpperCase() : text);
        invocation.console().debug("echoed " + invocation.commandLine().getArgList().size() + " words");
        return 0;
    }
}
