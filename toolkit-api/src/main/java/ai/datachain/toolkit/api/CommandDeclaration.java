package ai.datachain.toolkit.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Command} is, as help, completion and the host's checks see it: the words that
 * invoke it, a summary, a description, its positional arguments and worked examples. Its options
 * are not part of it: they are Commons CLI {@code Options}, given by {@link Command#options()}.
 *
 * <p>Start with {@link #of} and add the rest with the {@code with…} methods, each of which returns
 * a new declaration:
 *
 * <pre>{@code
 * CommandDeclaration.of("config set", "Set a setting in a configuration file.")
 *         .withArguments(Argument.required("KEY", "The setting, SECTION.NAME."),
 *                 Argument.required("VALUE", "Its new value."))
 *         .withExamples(new Example("datachain config set studio.team ml-team", "Make ml-team your default team."));
 * }</pre>
 *
 * <p>The constructor checks the declaration, so a malformed one fails when the command's
 * extension asks for it; the host then reports that plugin's commands as not created and skips
 * them, and every other command keeps working.
 *
 * @param path the words that invoke the command, e.g. {@code ["auth", "login"]}: at least one,
 *     none blank, none with white space, none starting with {@code -}
 * @param summary one line for command lists
 * @param description the paragraph {@code --help} shows; {@link #of} sets it to the summary
 * @param arguments the positional arguments, in order: required ones first, then either optional
 *     ones or a single repeated one
 * @param examples worked examples for help, in the order given
 */
public record CommandDeclaration(List<String> path, String summary, String description, List<Argument> arguments,
        List<Example> examples) {

    /**
     * Checks and copies the components; the lists are kept as unmodifiable copies.
     *
     * @param path the words that invoke the command
     * @param summary one line for command lists, not blank
     * @param description the paragraph {@code --help} shows
     * @param arguments the positional arguments, in order
     * @param examples worked examples for help, in order
     * @throws NullPointerException when a component or an element of a list is null
     * @throws IllegalArgumentException when a word, the summary or the order of the arguments is
     *     not as described above
     */
    public CommandDeclaration {
        path = List.copyOf(path);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        arguments = List.copyOf(arguments);
        examples = List.copyOf(examples);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one word");
        }
        for (String word : path) {
            if (word.isBlank() || word.startsWith("-") || !word.equals(word.replaceAll("\\s", ""))) {
                throw new IllegalArgumentException("'" + word + "' cannot be a command word");
            }
        }
        if (summary.isBlank()) {
            throw new IllegalArgumentException("command '" + String.join(" ", path) + "' needs a summary");
        }
        checkOrder(path, arguments);
    }

    /**
     * A declaration with a path and a summary only: no arguments, no examples, the summary as its
     * description.
     *
     * @param words the words that invoke the command, separated by single spaces, e.g. {@code "auth login"}
     * @param summary one line for command lists
     * @return the declaration
     * @throws IllegalArgumentException when a word or the summary is not as {@link CommandDeclaration} describes
     */
    public static CommandDeclaration of(String words, String summary) {
        return new CommandDeclaration(Arrays.asList(words.split(" ", -1)), summary, summary, List.of(), List.of());
    }

    /**
     * The same declaration with another description.
     *
     * @param description the paragraph {@code --help} shows
     * @return a new declaration; this one is unchanged
     */
    public CommandDeclaration withDescription(String description) {
        return new CommandDeclaration(path, summary, description, arguments, examples);
    }

    /**
     * The same declaration taking these positional arguments instead of its own.
     *
     * @param arguments the arguments, in order: required ones first, then either optional ones or
     *     a single repeated one
     * @return a new declaration; this one is unchanged
     * @throws IllegalArgumentException when the arguments are not in that order or a name repeats
     */
    public CommandDeclaration withArguments(Argument... arguments) {
        return new CommandDeclaration(path, summary, description, List.of(arguments), examples);
    }

    /**
     * The same declaration with these examples instead of its own.
     *
     * @param examples the examples, in the order help shows them
     * @return a new declaration; this one is unchanged
     */
    public CommandDeclaration withExamples(Example... examples) {
        return new CommandDeclaration(path, summary, description, arguments, List.of(examples));
    }

    private static void checkOrder(List<String> path, List<Argument> arguments) {
        boolean optionalSeen = false;
        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            String where = "argument " + argument.name() + " of '" + String.join(" ", path) + "'";
            switch (argument.arity()) {
                case REQUIRED -> {
                    if (optionalSeen) {
                        throw new IllegalArgumentException(where + " is required but follows an optional one");
                    }
                }
                case OPTIONAL -> optionalSeen = true;
                case REPEATED, ANY -> {
                    if (optionalSeen || i != arguments.size() - 1) {
                        throw new IllegalArgumentException(where
                                + " is repeated, so it must be the last and follow no optional one");
                    }
                }
            }
            for (int j = 0; j < i; j++) {
                if (arguments.get(j).name().equals(argument.name())) {
                    throw new IllegalArgumentException(where + " is declared twice");
                }
            }
        }
    }
}
