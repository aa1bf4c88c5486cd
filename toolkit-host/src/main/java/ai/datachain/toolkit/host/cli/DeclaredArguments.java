package ai.datachain.toolkit.host.cli;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.CommandDeclaration;
import java.util.List;

/**
 * Checks the positional words of a command line against the arguments its command declares, so
 * a command never counts its own words: a missing one or a stray one is a usage error
 * ({@code auth login my-token} meant {@code --name my-token}, and is not silently ignored).
 */
final class DeclaredArguments {

    private DeclaredArguments() {}

    static void check(CommandDeclaration declaration, List<String> words) throws UsageError {
        List<Argument> arguments = declaration.arguments();
        List<Argument> needed = arguments.stream().filter(a -> !a.arity().mayBeAbsent()).toList();
        if (words.size() < needed.size()) {
            String expected = String.join(" and ", needed.stream().map(Argument::usage).toList());
            String got = words.isEmpty() ? "none"
                    : words.size() + " argument" + (words.size() == 1 ? "" : "s") + ": " + String.join(" ", words);
            throw new UsageError("expected " + expected + ", got " + got, declaration.path());
        }
        boolean repeated = !arguments.isEmpty() && arguments.get(arguments.size() - 1).arity().repeats();
        if (!repeated && words.size() > arguments.size()) {
            throw new UsageError("unexpected argument '" + words.get(arguments.size()) + "'", declaration.path());
        }
    }
}
