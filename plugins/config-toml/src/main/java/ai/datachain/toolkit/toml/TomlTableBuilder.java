package ai.datachain.toolkit.toml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.configuration2.ex.ConfigurationException;

/**
 * Builds the tables of a TOML text from its statements, enforcing the rules that span statements:
 * no key or table defined twice, no table where a value is, no adding to an inline table.
 */
final class TomlTableBuilder {

    /** The tables of an array of tables ({@code [[name]]}), in order. */
    static final class TableArray extends ArrayList<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
    }

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Set<Map<String, Object>> headed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Map<String, Object>> dotted = Collections.newSetFromMap(new IdentityHashMap<>());
    private final TomlValueParser values = new TomlValueParser();

    private TomlTableBuilder() {}

    static TomlSource build(String text) throws ConfigurationException {
        List<TomlStatement> statements = TomlScanner.scan(text);
        return new TomlTableBuilder().place(text, statements);
    }

    private TomlSource place(String text, List<TomlStatement> statements) throws ConfigurationException {
        List<TomlSource.Entry> entries = new ArrayList<>();
        Map<String, Object> current = root;
        TomlPath section = TomlPath.ROOT;
        for (TomlStatement statement : statements) {
            switch (statement.kind()) {
                case TABLE, ARRAY_TABLE -> {
                    Located table = openTable(statement);
                    current = table.table();
                    section = table.path();
                    entries.add(new TomlSource.Entry(statement, section, section));
                }
                case KEY_VALUE -> {
                    TomlPath path = setValue(current, section, statement, text);
                    entries.add(new TomlSource.Entry(statement, path, section));
                }
            }
        }
        return new TomlSource(text, List.copyOf(entries), root);
    }

    private record Located(Map<String, Object> table, TomlPath path) {}

    private Located openTable(TomlStatement statement) throws ConfigurationException {
        List<String> key = statement.key();
        Located parent = new Located(root, TomlPath.ROOT);
        for (String name : key.subList(0, key.size() - 1)) {
            parent = descend(parent, name, statement);
        }
        String name = key.get(key.size() - 1);
        Object existing = parent.table().get(name);
        String shown = "[" + String.join(".", key) + "]";
        if (statement.kind() == TomlStatement.Kind.ARRAY_TABLE) {
            TableArray array;
            if (existing == null) {
                array = new TableArray();
                parent.table().put(name, array);
            } else if (existing instanceof TableArray found) {
                array = found;
            } else {
                throw TomlScanner.error("[" + shown + "] is already defined as something else", statement.line());
            }
            Map<String, Object> table = new LinkedHashMap<>();
            array.add(table);
            headed.add(table);
            return new Located(table, parent.path().child(name, array.size() - 1));
        }
        if (existing == null) {
            Map<String, Object> table = new LinkedHashMap<>();
            parent.table().put(name, table);
            headed.add(table);
            return new Located(table, parent.path().child(name));
        }
        if (existing instanceof Map<?, ?> found && !(existing instanceof TomlValueParser.InlineTable)
                && !headed.contains(found) && !dotted.contains(found)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> table = (Map<String, Object>) found;
            headed.add(table);
            return new Located(table, parent.path().child(name));
        }
        throw TomlScanner.error("table " + shown + " is defined twice", statement.line());
    }

    /** One step down a header's key: into a table, the last table of an array, or a new implicit table. */
    private Located descend(Located from, String name, TomlStatement statement) throws ConfigurationException {
        Object existing = from.table().get(name);
        if (existing == null) {
            Map<String, Object> table = new LinkedHashMap<>();
            from.table().put(name, table);
            return new Located(table, from.path().child(name));
        }
        if (existing instanceof TableArray array) {
            return new Located(array.get(array.size() - 1), from.path().child(name, array.size() - 1));
        }
        if (existing instanceof Map<?, ?> map && !(existing instanceof TomlValueParser.InlineTable)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> table = (Map<String, Object>) map;
            return new Located(table, from.path().child(name));
        }
        throw TomlScanner.error("'" + name + "' is already a value, it cannot hold a table", statement.line());
    }

    private TomlPath setValue(Map<String, Object> table, TomlPath section, TomlStatement statement, String text)
            throws ConfigurationException {
        List<String> key = statement.key();
        Map<String, Object> target = table;
        TomlPath path = section;
        for (String name : key.subList(0, key.size() - 1)) {
            Object existing = target.get(name);
            if (existing == null) {
                Map<String, Object> created = new LinkedHashMap<>();
                dotted.add(created);
                target.put(name, created);
                target = created;
            } else if (existing instanceof Map<?, ?> map && !(existing instanceof TomlValueParser.InlineTable)
                    && !(existing instanceof TableArray)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) map;
                target = next;
            } else {
                throw TomlScanner.error("'" + String.join(".", key) + "' extends '" + name
                        + "', which is already defined as a value", statement.line());
            }
            path = path.child(name);
        }
        String name = key.get(key.size() - 1);
        if (target.containsKey(name)) {
            throw TomlScanner.error("duplicate key '" + String.join(".", key) + "'", statement.line());
        }
        target.put(name, values.parse(statement.valueText(text), statement.line()));
        return path.child(name);
    }
}
