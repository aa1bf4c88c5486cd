package ai.datachain.toolkit.toml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A TOML text as read: the text itself, its statements placed in the document, and the tables
 * and values they define.
 *
 * @param text the exact text
 * @param entries every statement with the path it defines
 * @param root the top-level table, values in the order written
 */
record TomlSource(String text, List<Entry> entries, Map<String, Object> root) {

    static final TomlSource EMPTY = new TomlSource("", List.of(), Map.of());

    /**
     * A statement and where it lands.
     *
     * @param statement the statement
     * @param path the table a header opens, or the key a pair sets
     * @param section the header path a pair sits under (the root for pairs before any header)
     */
    record Entry(TomlStatement statement, TomlPath path, TomlPath section) {

        boolean isPair() {
            return statement.kind() == TomlStatement.Kind.KEY_VALUE;
        }
    }

    /**
     * Places the statements of a valid text: a header's key goes through the last element of any
     * array of tables it names ({@code [jobs.step]} after two {@code [[jobs]]} is in the second),
     * a pair's key is relative to the header above it.
     */
    static TomlSource of(String text, List<TomlStatement> statements, Map<String, Object> root) {
        Map<TomlPath, Integer> arrayLengths = new HashMap<>();
        List<Entry> entries = new ArrayList<>(statements.size());
        TomlPath section = TomlPath.ROOT;
        for (TomlStatement statement : statements) {
            if (statement.kind() == TomlStatement.Kind.KEY_VALUE) {
                entries.add(new Entry(statement, section.childPath(statement.key()), section));
                continue;
            }
            List<String> key = statement.key();
            TomlPath path = TomlPath.ROOT;
            for (String name : key.subList(0, key.size() - 1)) {
                Integer length = arrayLengths.get(path.child(name));
                path = length == null ? path.child(name) : path.child(name, length - 1);
            }
            String name = key.get(key.size() - 1);
            if (statement.kind() == TomlStatement.Kind.ARRAY_TABLE) {
                int length = arrayLengths.merge(path.child(name), 1, Integer::sum);
                path = path.child(name, length - 1);
            } else {
                path = path.child(name);
            }
            section = path;
            entries.add(new Entry(statement, path, section));
        }
        return new TomlSource(text, List.copyOf(entries), root);
    }
}
