package ai.datachain.toolkit.host.cli;

import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Example;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** Renders help for the root, a group or a command, as plain text wrapped to 80 columns. */
public final class HelpRenderer {

    static final String PROGRAM = "datachain";
    private static final int WIDTH = 80;
    private static final int MAX_LEFT_COLUMN = 28;

    private HelpRenderer() {}

    /** Help for {@code datachain} itself or for a group such as {@code datachain auth}. */
    public static String group(CommandTree.Node node, String version) {
        StringBuilder help = new StringBuilder();
        String name = commandName(node.path());
        if (node.path().isEmpty()) {
            help.append("datachain ").append(version).append(" - work with DataChain and DataChain Studio\n\n");
        } else if (!node.summary().isEmpty()) {
            help.append(node.summary()).append("\n\n");
        }
        help.append("Usage: ").append(name).append(" <command> [options]\n");

        List<String[]> rows = new ArrayList<>();
        for (CommandTree.Node child : sorted(node.children())) {
            String summary = child.summary();
            if (summary.isEmpty() && !child.isLeaf()) {
                summary = "Commands: " + String.join(", ", child.children().stream().map(CommandTree.Node::name).toList());
            }
            rows.add(new String[] {child.name(), summary});
        }
        help.append("\nCommands:\n");
        table(help, rows);

        Options options = node.path().isEmpty() ? GlobalOptions.root() : GlobalOptions.common();
        help.append("\nOptions:\n");
        table(help, optionRows(options));
        help.append("\nRun '").append(name).append(" <command> --help' for more about a command.\n");
        return help.toString();
    }

    /** Help for one command: usage, description, arguments, options and examples. */
    public static String command(CommandDeclaration declaration, Options options) {
        StringBuilder help = new StringBuilder();
        help.append(usage(declaration)).append("\n\n");
        wrap(help, declaration.description(), 0);
        if (!declaration.arguments().isEmpty()) {
            help.append("\nArguments:\n");
            table(help, declaration.arguments().stream()
                    .map(argument -> new String[] {argument.usage(), argument.help()}).toList());
        }
        help.append("\nOptions:\n");
        table(help, optionRows(GlobalOptions.withCommon(options)));
        if (!declaration.examples().isEmpty()) {
            help.append("\nExamples:\n");
            for (Example example : declaration.examples()) {
                help.append("  ").append(example.commandLine()).append('\n');
                wrap(help, example.explanation(), 6);
            }
        }
        return help.toString();
    }

    /** {@code Usage: datachain config set [options] KEY VALUE}. */
    private static String usage(CommandDeclaration declaration) {
        StringBuilder usage = new StringBuilder("Usage: ").append(commandName(declaration.path())).append(" [options]");
        declaration.arguments().forEach(argument -> usage.append(' ').append(argument.usage()));
        return usage.toString();
    }

    static String commandName(List<String> path) {
        return path.isEmpty() ? PROGRAM : PROGRAM + " " + String.join(" ", path);
    }

    private static List<CommandTree.Node> sorted(Collection<CommandTree.Node> nodes) {
        return nodes.stream().sorted(Comparator.comparing(CommandTree.Node::name)).toList();
    }

    private static List<String[]> optionRows(Options options) {
        List<String[]> rows = new ArrayList<>();
        List<Option> sorted = new ArrayList<>(options.getOptions());
        sorted.sort(Comparator.comparing(HelpRenderer::sortKey));
        for (Option option : sorted) {
            StringBuilder left = new StringBuilder();
            if (option.getOpt() != null) {
                left.append('-').append(option.getOpt());
                if (option.getLongOpt() != null) {
                    left.append(", ");
                }
            } else {
                left.append("    ");
            }
            if (option.getLongOpt() != null) {
                left.append("--").append(option.getLongOpt());
            }
            if (option.hasArg()) {
                left.append(' ').append(option.getArgName() != null ? option.getArgName() : "VALUE");
            }
            rows.add(new String[] {left.toString(), option.getDescription() == null ? "" : option.getDescription()});
        }
        return rows;
    }

    private static String sortKey(Option option) {
        String key = option.getLongOpt() != null ? option.getLongOpt() : option.getOpt();
        return key.toLowerCase();
    }

    private static void table(StringBuilder into, List<String[]> rows) {
        int left = rows.stream().mapToInt(r -> r[0].length()).filter(l -> l <= MAX_LEFT_COLUMN).max().orElse(0);
        int indent = 2 + left + 3;
        for (String[] row : rows) {
            into.append("  ").append(row[0]);
            if (row[1].isEmpty()) {
                into.append('\n');
                continue;
            }
            if (row[0].length() > left) {
                into.append('\n').append(" ".repeat(indent));
            } else {
                into.append(" ".repeat(left - row[0].length() + 3));
            }
            appendWrapped(into, row[1], indent, indent);
        }
    }

    private static void wrap(StringBuilder into, String text, int indent) {
        into.append(" ".repeat(indent));
        appendWrapped(into, text, indent, indent);
    }

    /** Appends words, breaking lines before {@link #WIDTH}; the first line starts at column {@code start}. */
    private static void appendWrapped(StringBuilder into, String text, int start, int indent) {
        int column = start;
        boolean first = true;
        for (String word : text.trim().split("\\s+")) {
            if (!first && column + 1 + word.length() > WIDTH) {
                into.append('\n').append(" ".repeat(indent));
                column = indent;
            } else if (!first) {
                into.append(' ');
                column++;
            }
            into.append(word);
            column += word.length();
            first = false;
        }
        into.append('\n');
    }
}
