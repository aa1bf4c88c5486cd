package ai.datachain.toolkit.host.cli;

import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.ParseException;

/**
 * The third stage: follows the command words from the root of the tree to a command, or to the
 * group where they end. Between group words the common flags are accepted, as {@code --help}
 * lists them there ({@code datachain auth -v status}); any other flag or unknown word at a group is
 * a usage error, with the closest command word as a suggestion.
 */
final class TreeWalk {

    private TreeWalk() {}

    /**
     * Where the words lead.
     *
     * @param node the command reached, or the group where the words ran out
     * @param flags the common flags given between the group words
     * @param rest the words after the command's path, for its own parser; empty at a group
     */
    record Destination(CommandTree.Node node, CommonFlags flags, List<String> rest) {}

    static Destination follow(CommandTree tree, List<String> words) throws UsageError {
        CommandTree.Node node = tree.root();
        CommonFlags flags = CommonFlags.NONE;
        int index = 0;
        for (; index < words.size() && !node.isLeaf(); index++) {
            String word = words.get(index);
            if (word.startsWith("-")) {
                flags = flags.plus(commonFlag(word, node));
                continue;
            }
            Optional<CommandTree.Node> child = node.child(word);
            if (child.isEmpty()) {
                throw unknownCommand(word, node);
            }
            node = child.get();
        }
        return new Destination(node, flags, words.subList(index, words.size()));
    }

    /** {@code word} as one or more common flags ({@code -v}, {@code -vq}, {@code --help}), or a usage error. */
    private static CommonFlags commonFlag(String word, CommandTree.Node group) throws UsageError {
        // "-" and "--" parse as words; a group takes none.
        if (!word.equals("-") && !word.equals("--")) {
            try {
                var parsed = CommandParser.parser().parse(GlobalOptions.common(), new String[] {word});
                if (parsed.getArgList().isEmpty()) {
                    return CommonFlags.of(parsed);
                }
            } catch (ParseException e) {
                // Reported below, in the words of the group.
            }
        }
        throw new UsageError("unknown option '" + word + "' for '" + HelpRenderer.commandName(group.path()) + "'",
                group.path());
    }

    private static UsageError unknownCommand(String word, CommandTree.Node group) {
        String message = "unknown command '" + word + "' for '" + HelpRenderer.commandName(group.path()) + "'";
        List<String> names = group.children().stream().map(CommandTree.Node::name).toList();
        Optional<String> suggestion = Suggestions.closest(word, names);
        if (suggestion.isPresent()) {
            message += ". Did you mean '" + suggestion.get() + "'?";
        }
        return new UsageError(message, group.path());
    }
}
