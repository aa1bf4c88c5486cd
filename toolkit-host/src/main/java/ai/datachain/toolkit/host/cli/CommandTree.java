package ai.datachain.toolkit.host.cli;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The words of the command line as a tree: groups ({@code auth}) hold leaves ({@code login}).
 * Built from every {@link Command}, with the declaration it gave once, and every {@link CommandGroup};
 * the first command registered for a path wins, later ones are reported as conflicts.
 */
public final class CommandTree {

    private final Node root = new Node(List.of());
    private final List<String> conflicts = new ArrayList<>();

    /** A group or a leaf of the tree. */
    public static final class Node {
        private final List<String> path;
        private final Map<String, Node> children = new TreeMap<>();
        private Command command;
        private CommandDeclaration declaration;
        private String summary = "";
        private String source = "";

        Node(List<String> path) {
            this.path = List.copyOf(path);
        }

        public List<String> path() {
            return path;
        }

        public String name() {
            return path.isEmpty() ? "" : path.get(path.size() - 1);
        }

        public Optional<Command> command() {
            return Optional.ofNullable(command);
        }

        /** The leaf's declaration, as the command gave it when the tree was built. */
        public Optional<CommandDeclaration> declaration() {
            return Optional.ofNullable(declaration);
        }

        public boolean isLeaf() {
            return command != null;
        }

        public String summary() {
            return declaration != null ? declaration.summary() : summary;
        }

        /** Who contributed the command: a plugin id, or {@code datachain} for built-ins. */
        public String source() {
            return source;
        }

        public Collection<Node> children() {
            return Collections.unmodifiableCollection(children.values());
        }

        public Optional<Node> child(String word) {
            return Optional.ofNullable(children.get(word));
        }
    }

    /** Adds a command contributed by {@code source}, with the declaration it gave. */
    public void add(Command command, CommandDeclaration declaration, String source) {
        Node node = nodeFor(declaration.path());
        if (node.command != null || !node.children.isEmpty()) {
            conflicts.add("command '" + String.join(" ", declaration.path()) + "' from " + source
                    + " clashes with one from " + (node.command != null ? node.source : "a command group"));
            return;
        }
        node.command = command;
        node.declaration = declaration;
        node.source = source;
    }

    /** Adds a group's description. */
    public void describe(CommandGroup group) {
        Node node = nodeFor(group.path());
        if (node.summary.isEmpty()) {
            node.summary = group.summary();
        }
    }

    public Node root() {
        return root;
    }

    /** Problems found while building, for a warning each. */
    public List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    /** Every leaf, depth first in name order. */
    public List<Node> leaves() {
        List<Node> leaves = new ArrayList<>();
        collectLeaves(root, leaves);
        return leaves;
    }

    private static void collectLeaves(Node node, List<Node> into) {
        if (node.isLeaf()) {
            into.add(node);
        }
        node.children.values().forEach(child -> collectLeaves(child, into));
    }

    private Node nodeFor(List<String> path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a command path needs at least one word");
        }
        Node node = root;
        for (int i = 0; i < path.size(); i++) {
            List<String> prefix = path.subList(0, i + 1);
            node = node.children.computeIfAbsent(path.get(i), word -> new Node(prefix));
        }
        return node;
    }
}
