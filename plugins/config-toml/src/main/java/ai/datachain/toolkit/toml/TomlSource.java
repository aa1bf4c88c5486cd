package ai.datachain.toolkit.toml;

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
}
