package ai.datachain.toolkit.toml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * Converts between TOML tables and the Commons Configuration node tree. A table is a node with
 * children; an array of values is one node per element with the same name (the Commons idiom,
 * so {@code getList} works); an array of tables is one node per table; an empty array is one node
 * whose value is the empty list.
 *
 * <p>{@link #valueOf} reads a node tree back into maps and lists, so that two trees can be
 * compared and a changed value found.
 */
final class TomlNodes {

    private TomlNodes() {}

    static ImmutableNode toNode(Map<String, Object> root) {
        ImmutableNode.Builder builder = new ImmutableNode.Builder();
        addChildren(builder, root);
        return builder.create();
    }

    private static void addChildren(ImmutableNode.Builder parent, Map<String, Object> table) {
        table.forEach((name, value) -> {
            if (value instanceof List<?> list && !list.isEmpty()) {
                list.forEach(item -> parent.addChild(node(name, item)));
            } else {
                parent.addChild(node(name, value));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static ImmutableNode node(String name, Object value) {
        ImmutableNode.Builder builder = new ImmutableNode.Builder().name(name);
        if (value instanceof Map<?, ?> table) {
            addChildren(builder, (Map<String, Object>) table);
        } else {
            builder.value(value);
        }
        return builder.create();
    }

    /** A node's children as a table: repeated names become lists, in the order first seen. */
    static Map<String, Object> valueOf(ImmutableNode node) {
        Map<String, List<ImmutableNode>> byName = new LinkedHashMap<>();
        for (ImmutableNode child : node.getChildren()) {
            byName.computeIfAbsent(child.getNodeName(), name -> new ArrayList<>()).add(child);
        }
        Map<String, Object> table = new LinkedHashMap<>();
        byName.forEach((name, nodes) -> {
            if (nodes.size() == 1) {
                Object single = single(nodes.get(0));
                if (single != null) {
                    table.put(name, single);
                }
            } else {
                List<Object> items = new ArrayList<>();
                nodes.stream().map(TomlNodes::single).filter(item -> item != null).forEach(items::add);
                table.put(name, items);
            }
        });
        return table;
    }

    /** A table for a node with children, else its value; an empty table for a bare node. */
    private static Object single(ImmutableNode node) {
        if (!node.getChildren().isEmpty()) {
            return valueOf(node);
        }
        Object value = node.getValue();
        return value != null ? value : new LinkedHashMap<String, Object>();
    }

    /** The value at {@code path}; an index selects an element of a list (index 0 is also a lone table). */
    static Optional<Object> lookup(Map<String, Object> root, TomlPath path) {
        Object current = root;
        for (TomlPath.Segment segment : path.segments()) {
            if (!(current instanceof Map<?, ?> table)) {
                return Optional.empty();
            }
            current = table.get(segment.name());
            if (current == null) {
                return Optional.empty();
            }
            if (segment.index() != TomlPath.NO_INDEX) {
                if (current instanceof List<?> list) {
                    if (segment.index() >= list.size()) {
                        return Optional.empty();
                    }
                    current = list.get(segment.index());
                } else if (segment.index() != 0) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(current);
    }
}
