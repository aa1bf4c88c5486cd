package com.example.hello;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.pf4j.Extension;

/**
 * {@code datachain hello [--name NAME]}: prints a greeting. The greeting word comes from the
 * configuration key {@code hello.greeting}, so a team runtime can set it for everyone.
 */
@Extension
public final class HelloCommand implements Command {

    private static final String NAME = "name";

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("hello", "Say hello.")
                .withDescription("Print a greeting for NAME (default: world). The greeting word is the configuration"
                        + " value hello.greeting, 'Hello' when unset.")
                .withExamples(new Example("datachain hello --name Ada", "Print 'Hello, Ada!'."));
    }

    @Override
    public Options options() {
        // A fresh instance on every call: the host adds -h, -v and -q to it.
        return new Options().addOption(Option.builder("n").longOpt(NAME).hasArg().argName("NAME")
                .desc("Who to greet.").get());
    }

    @Override
    public int run(Invocation invocation) throws CommandException {
        String name = invocation.commandLine().getOptionValue(NAME, "world");
        if (name.isBlank()) {
            throw new CommandException("--name needs a name, not an empty string");
        }
        String greeting = invocation.config().getOptionalValue("hello.greeting", String.class).orElse("Hello");
        invocation.console().debug("greeting " + name + " with '" + greeting + "'");
        invocation.console().out().println(greeting + ", " + name + "!");
        return 0;
    }
}
