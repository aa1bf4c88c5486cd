package ai.datachain.toolkit.toml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites a TOML text to hold new values by touching only what changed, the way the reference
 * client's library (tomlkit) does: a changed value is replaced in place (its comment stays), a
 * removed key loses its line, a new key goes after the last key of its table, and a new table is
 * appended at the end after one blank line. Everything else keeps its bytes.
 *
 * <p>A key that was removed and set again in the same edit (a rewritten key) is a new key, as it
 * is to tomlkit: its old line goes and it is written after the last key of its table, in the order
 * set. That keeps keys a login writes after the keys it writes before them.
 */
final class TomlEditor {

    private final TomlSource source;
    private final Map<String, Object> before;
    private final Map<String, Object> after;
    private final Set<List<String>> rewritten;
    private final String lineBreak;
    private final List<Edit> edits = new ArrayList<>();
    private final Map<Integer, StringBuilder> insertions = new LinkedHashMap<>();
    private final Map<TomlPath, Map<String, Object>> newTables = new LinkedHashMap<>();
    private final Set<TomlPath> arrayTableElements = new HashSet<>();
    private final Set<TomlPath> pairPaths = new HashSet<>();
    private final Set<TomlPath> headerPaths = new HashSet<>();
    private final Set<TomlPath> writtenPrefixes = new HashSet<>();

    /** Replace {@code [start, end)} of the original text. */
    private record Edit(int start, int end, String replacement) {}

    private TomlEditor(TomlSource source, Map<String, Object> before, Map<String, Object> after,
            Set<List<String>> rewritten) {
        this.source = source;
        this.before = before;
        this.after = after;
        this.rewritten = rewritten;
        this.lineBreak = source.text().contains("\r\n") ? "\r\n" : "\n";
        for (TomlSource.Entry entry : source.entries()) {
            (entry.isPair() ? pairPaths : headerPaths).add(entry.path());
            TomlPath prefix = entry.path();
            while (!prefix.isRoot()) {
                writtenPrefixes.add(prefix);
                prefix = prefix.parent();
            }
        }
    }

    /**
     * The text of {@code source} changed from the values {@code before} (what it held when read)
     * to {@code after}; {@code rewritten} names (by their table and key names, whatever array
     * element they are in) the keys removed and set again since it was read.
     */
    static String edit(TomlSource source, Map<String, Object> before, Map<String, Object> after,
            Set<List<String>> rewritten) {
        return new TomlEditor(source, before, after, rewritten).apply();
    }

    private String apply() {
        for (TomlSource.Entry entry : source.entries()) {
            TomlStatement statement = entry.statement();
            Optional<Object> now = TomlNodes.lookup(after, entry.path());
            if (now.isEmpty() || entry.isPair() && isRewritten(entry.path())) {
                int start = entry.isPair() ? statement.start() : withBlankLineBefore(statement.start());
                edits.add(new Edit(start, statement.end(), ""));
            } else if (entry.isPair() && !Objects.equals(TomlNodes.lookup(before, entry.path()).orElse(null), now.get())) {
                String old = statement.valueText(source.text());
                Object value = old.startsWith("[") && !(now.get() instanceof List<?>) ? List.of(now.get()) : now.get();
                edits.add(new Edit(statement.valueStart(), statement.valueEnd(), TomlWriter.value(value)));
            }
        }
        walk(after, TomlPath.ROOT);
        insertions.forEach((offset, text) -> edits.add(new Edit(offset, offset, text.toString())));

        StringBuilder text = new StringBuilder(source.text());
        edits.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).reversed());
        for (Edit edit : edits) {
            text.replace(edit.start(), edit.end(), edit.replacement());
        }
        newTables.forEach((path, table) -> appendTables(text, path, table, arrayTableElements.contains(path)));
        return text.toString();
    }

    /** A key set again after its removal, as a value: an inline table set again keeps its place. */
    private boolean isRewritten(TomlPath key) {
        return rewritten.contains(key.names()) && !(TomlNodes.lookup(after, key).orElse(null) instanceof Map<?, ?>);
    }

    /** A removed table takes the blank line that separated it from what came before. */
    private int withBlankLineBefore(int headerStart) {
        String text = source.text();
        if (headerStart == 0 || text.charAt(headerStart - 1) != '\n') {
            return headerStart;
        }
        int lineStart = text.lastIndexOf('\n', headerStart - 2) + 1;
        boolean blank = text.substring(lineStart, headerStart).isBlank();
        return blank && lineStart > 0 ? lineStart : headerStart;
    }

    /** Finds what {@code table} holds that the text does not, below {@code path}. */
    private void walk(Map<String, Object> table, TomlPath path) {
        table.forEach((name, value) -> {
            if (headerPaths.contains(path.child(name, 0)) && isTables(value)) {
                List<?> elements = value instanceof List<?> list ? list : List.of(value);
                for (int index = 0; index < elements.size(); index++) {
                    TomlPath element = path.child(name, index);
                    Map<String, Object> content = asTable(elements.get(index));
                    if (writtenPrefixes.contains(element)) {
                        walk(content, element);
                    } else {
                        newTable(element, content, true);
                    }
                }
                return;
            }
            TomlPath child = path.child(name);
            if (pairPaths.contains(child) && !isRewritten(child)) {
                return;
            }
            if (value instanceof Map<?, ?> && writtenPrefixes.contains(child)) {
                walk(asTable(value), child);
            } else {
                addNew(path, name, value);
            }
        });
    }

    private void addNew(TomlPath parent, String name, Object value) {
        if (value instanceof Map<?, ?>) {
            newTable(parent.child(name), asTable(value), false);
            return;
        }
        if (isTables(value) && value instanceof List<?> list) {
            for (Object element : list) {
                newTable(parent.child(name, arrayIndex(parent.child(name))), asTable(element), true);
            }
            return;
        }
        Optional<TomlSource.Entry> anchor = anchorFor(parent);
        if (anchor.isEmpty() && !parent.isRoot()) {
            newTables.computeIfAbsent(parent, p -> new LinkedHashMap<>()).put(name, value);
            return;
        }
        TomlPath section = anchor.map(TomlSource.Entry::section).orElse(TomlPath.ROOT);
        List<String> key = new ArrayList<>(parent.namesBelow(section));
        key.add(name);
        int offset = anchor.map(entry -> entry.statement().end()).orElse(0);
        String indent = anchor.filter(TomlSource.Entry::isPair).map(this::indentation).orElse("");
        StringBuilder inserted = insertions.computeIfAbsent(offset, o -> new StringBuilder());
        if (offset > 0 && inserted.length() == 0 && source.text().charAt(offset - 1) != '\n') {
            inserted.append(lineBreak);
        }
        inserted.append(indent).append(TomlWriter.key(key)).append(" = ").append(TomlWriter.value(value))
                .append(lineBreak);
    }

    /**
     * The statement after which a new key of {@code table} goes: the table's last key, else its
     * header; or, for a table made by dotted keys, the last of those keys. Empty when the text
     * has no place for it (then it needs a new table), or for a root without keys (the start).
     */
    private Optional<TomlSource.Entry> anchorFor(TomlPath table) {
        TomlSource.Entry found = null;
        boolean written = table.isRoot() || headerPaths.contains(table);
        for (TomlSource.Entry entry : source.entries()) {
            if (written) {
                boolean header = !entry.isPair() && entry.path().equals(table);
                if (header || entry.isPair() && entry.section().equals(table)) {
                    found = entry;
                }
            } else if (entry.isPair() && table.contains(entry.path()) && entry.section().contains(table)) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    private String indentation(TomlSource.Entry entry) {
        String text = source.text();
        int i = entry.statement().start();
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(entry.statement().start(), i);
    }

    private void newTable(TomlPath path, Map<String, Object> content, boolean arrayElement) {
        newTables.put(path, content);
        if (arrayElement) {
            arrayTableElements.add(path);
        }
    }

    private int arrayIndex(TomlPath path) {
        return (int) newTables.keySet().stream().filter(p -> p.parent().equals(path.parent())
                && p.lastName().equals(path.lastName())).count();
    }

    /** Appends a table (its header when it has keys or nothing at all, then its sub-tables) after a blank line. */
    private void appendTables(StringBuilder text, TomlPath path, Map<String, Object> table, boolean arrayElement) {
        StringBuilder block = new StringBuilder();
        Map<String, Object> tables = new LinkedHashMap<>();
        table.forEach((name, value) -> {
            if (value instanceof Map<?, ?> || isTables(value)) {
                tables.put(name, value);
            } else {
                block.append(TomlWriter.key(List.of(name))).append(" = ").append(TomlWriter.value(value))
                        .append(lineBreak);
            }
        });
        if (block.length() > 0 || tables.isEmpty() || arrayElement) {
            String header = TomlWriter.key(path.names());
            block.insert(0, (arrayElement ? "[[" + header + "]]" : "[" + header + "]") + lineBreak);
            separate(text);
            text.append(block);
        }
        tables.forEach((name, value) -> {
            if (value instanceof Map<?, ?>) {
                appendTables(text, path.child(name), asTable(value), false);
            } else {
                for (Object element : (List<?>) value) {
                    appendTables(text, path.child(name), asTable(element), true);
                }
            }
        });
    }

    /** One blank line before a new table, unless the text is empty or already ends with one. */
    private void separate(StringBuilder text) {
        if (text.length() == 0) {
            return;
        }
        if (text.charAt(text.length() - 1) != '\n') {
            text.append(lineBreak);
        }
        if (!text.toString().endsWith(lineBreak + lineBreak) && !text.toString().equals(lineBreak)) {
            text.append(lineBreak);
        }
    }

    private static boolean isTables(Object value) {
        if (value instanceof Map<?, ?>) {
            return true;
        }
        return value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Map.class::isInstance);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asTable(Object value) {
        return (Map<String, Object>) value;
    }
}
