package ai.datachain.toolkit.host.completion;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.host.cli.CommandTree;
import ai.datachain.toolkit.host.cli.GlobalOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * What a shell needs to complete {@code datachain}: for each position in the command tree, the
 * words that may follow, the options accepted there, which of those take a value, and how many
 * positional words a command takes. Built from the live tree, so plugin commands and options
 * complete like the host's own.
 */
public record CompletionTree(List<Position> positions) {

    /** Words a completion script can quote without surprises; anything else is left out. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+@%,=-]*");

    /**
     * One place in the tree.
     *
     * @param path the command words leading here, empty for {@code datachain} itself
     * @param children the words that may follow, with their summaries
     * @param options the options accepted here
     * @param arguments the positional arguments a leaf command declares; none for a group
     */
    public record Position(List<String> path, List<Word> children, List<Flag> options, List<Argument> arguments) {

        /** The path as one space-separated string, the key every script matches on. */
        public String key() {
            return String.join(" ", path);
        }

        /** Whether a leaf command takes positional arguments. */
        public boolean takesArguments() {
            return !arguments.isEmpty();
        }

        /** How many positional words the command takes at most; -1 when its last argument repeats. */
        public int maximumArguments() {
            boolean repeats = !arguments.isEmpty()
                    && arguments.get(arguments.size() - 1).arity().repeats();
            return repeats ? -1 : arguments.size();
        }
    }

    /** A command or group word and its one-line summary. */
    public record Word(String name, String summary) {}

    /**
     * An option, by its spellings.
     *
     * @param shortName without the dash, or null
     * @param longName without the dashes, or null
     * @param takesValue whether the next word is its value
     * @param description its help text
     */
    public record Flag(String shortName, String longName, boolean takesValue, String description) {

        /** Every spelling: {@code -H}, {@code --hostname}. */
        public List<String> spellings() {
            List<String> spellings = new ArrayList<>();
            if (shortName != null) {
                spellings.add("-" + shortName);
            }
            if (longName != null) {
                spellings.add("--" + longName);
            }
            return spellings;
        }
    }

    public static CompletionTree of(CommandTree tree) {
        List<Position> positions = new ArrayList<>();
        collect(tree.root(), positions);
        return new CompletionTree(positions);
    }

    private static void collect(CommandTree.Node node, List<Position> into) {
        if (!node.path().stream().allMatch(CompletionTree::isPlain)) {
            return;
        }
        List<Word> children = new ArrayList<>();
        List<CommandTree.Node> sorted = node.children().stream()
                .sorted(Comparator.comparing(CommandTree.Node::name)).toList();
        for (CommandTree.Node child : sorted) {
            if (isPlain(child.name())) {
                children.add(new Word(child.name(), oneLine(child.summary())));
            }
        }
        Options options;
        List<Argument> arguments = List.of();
        if (node.isLeaf()) {
            Command command = node.command().orElseThrow();
            options = GlobalOptions.withCommon(command.options());
            arguments = node.declaration().orElseThrow().arguments();
        } else {
            options = node.path().isEmpty() ? GlobalOptions.root() : GlobalOptions.common();
        }
        into.add(new Position(node.path(), children, flags(options), arguments));
        sorted.forEach(child -> collect(child, into));
    }

    private static List<Flag> flags(Options options) {
        List<Flag> flags = new ArrayList<>();
        for (Option option : options.getOptions()) {
            String shortName = option.getOpt() != null && isPlain(option.getOpt()) ? option.getOpt() : null;
            String longName = option.getLongOpt() != null && isPlain(option.getLongOpt()) ? option.getLongOpt() : null;
            if (shortName != null || longName != null) {
                flags.add(new Flag(shortName, longName, option.hasArg(),
                        oneLine(option.getDescription() == null ? "" : option.getDescription())));
            }
        }
        flags.sort(Comparator.comparing(flag -> flag.longName() != null ? flag.longName() : flag.shortName()));
        return flags;
    }

    private static boolean isPlain(String word) {
        return PLAIN_WORD.matcher(word).matches();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
