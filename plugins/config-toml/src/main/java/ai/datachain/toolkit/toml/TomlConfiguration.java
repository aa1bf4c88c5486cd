package ai.datachain.toolkit.toml;

import ai.datachain.toolkit.api.config.ConfigDocument;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.DefaultConfigurationKey;
import org.apache.commons.configuration2.tree.DefaultExpressionEngine;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * One TOML file as a Commons Configuration document: tables are nodes with children, keys are
 * leaves ({@code studio.token}). It remembers the text it read, so writing changes only the
 * values that were edited and keeps comments, order, spacing and every other table byte for byte.
 *
 * <p>A syntax error is a {@link ConfigurationException} whose message ends with {@code at line N}.
 * Values are never interpolated: {@code ${...}} in a file is just text.
 */
public class TomlConfiguration extends BaseHierarchicalConfiguration implements ConfigDocument {

    private TomlSource source = TomlSource.EMPTY;
    private Map<String, Object> snapshot = Map.of();
    /**
     * Keys last set from a collection. The node tree holds a one-element list as a plain value,
     * so without this {@code setProperty("studio.teams", List.of("a"))} would be written as a
     * string instead of the array it was given as.
     */
    private final Set<String> arrayKeys = new HashSet<>();
    /** Keys cleared since the last read or write: those set again are rewritten ({@link TomlEditor}). */
    private final Set<String> clearedKeys = new HashSet<>();

    public TomlConfiguration() {
        setInterpolator(null);
    }

    @Override
    public void read(Reader in) throws ConfigurationException, IOException {
        String text = readAll(in);
        TomlSource parsed = parse(text);
        ImmutableNode root = TomlNodes.toNode(parsed.root());
        getNodeModel().setRootNode(root);
        source = parsed;
        snapshot = TomlNodes.valueOf(root);
        clearedKeys.clear();
    }

    @Override
    protected void setPropertyInternal(String key, Object value) {
        super.setPropertyInternal(key, value);
        if (value instanceof Collection<?> || value instanceof Object[]) {
            arrayKeys.add(key);
        } else {
            arrayKeys.remove(key);
        }
    }

    @Override
    protected void clearPropertyDirect(String key) {
        super.clearPropertyDirect(key);
        arrayKeys.remove(key);
        clearedKeys.add(key);
    }

    @Override
    public void write(Writer out) throws ConfigurationException, IOException {
        Map<String, Object> current = TomlNodes.valueOf(getNodeModel().getNodeHandler().getRootNode());
        arrayKeys.forEach(key -> names(key).ifPresent(names -> keepAsArray(current, names)));
        Set<List<String>> rewritten = new HashSet<>();
        clearedKeys.forEach(key -> names(key).ifPresent(rewritten::add));
        String text = TomlEditor.edit(source, snapshot, current, rewritten);
        TomlSource written = readBack(text, current);
        out.write(text);
        source = written;
        snapshot = current;
        clearedKeys.clear();
    }

    /**
     * The table and key names of a Commons key ({@code site..com} is one name). Empty for a key
     * that picks an array element or an attribute: such a key is edited in place, never moved or
     * wrapped back into an array.
     */
    private Optional<List<String>> names(String key) {
        DefaultExpressionEngine engine = getExpressionEngine() instanceof DefaultExpressionEngine own ? own
                : DefaultExpressionEngine.INSTANCE;
        List<String> names = new ArrayList<>();
        for (DefaultConfigurationKey.KeyIterator parts = new DefaultConfigurationKey(engine, key).iterator();
                parts.hasNext();) {
            names.add(parts.nextKey());
            if (parts.hasIndex() || parts.isAttribute()) {
                return Optional.empty();
            }
        }
        return Optional.of(names);
    }

    /** Wraps the plain value at the key {@code names} back into the one-element list it was set as. */
    @SuppressWarnings("unchecked")
    private static void keepAsArray(Map<String, Object> root, List<String> names) {
        Map<String, Object> table = root;
        for (String name : names.subList(0, names.size() - 1)) {
            if (!(table.get(name) instanceof Map<?, ?> inner)) {
                return;
            }
            table = (Map<String, Object>) inner;
        }
        String last = names.get(names.size() - 1);
        Object value = table.get(last);
        if (value != null && !(value instanceof List<?>) && !(value instanceof Map<?, ?>)) {
            table.put(last, List.of(value));
        }
    }

    /**
     * night-config reads and validates the text, unless it is one {@link PlainToml} can read (a
     * start-up shortcut); the locator finds where its statements lie, for the next write.
     */
    private static TomlSource parse(String text) throws ConfigurationException {
        List<TomlStatement> statements;
        try {
            statements = TomlLocator.locate(text);
        } catch (ConfigurationException notValid) {
            return parseWithNightConfig(text, null); // night-config names what is wrong
        }
        Optional<Map<String, Object>> plain = PlainToml.values(text, statements);
        return plain.isPresent() ? TomlSource.of(text, statements, plain.get())
                : parseWithNightConfig(text, statements);
    }

    private static TomlSource parseWithNightConfig(String text, List<TomlStatement> located)
            throws ConfigurationException {
        Map<String, Object> values = TomlValues.read(text);
        TomlSource source = TomlSource.of(text, located != null ? located : TomlLocator.locate(text), values);
        for (TomlSource.Entry entry : source.entries()) {
            if (entry.isPair()) {
                TomlValues.checkRange(entry.statement().valueText(text), entry.statement().line());
            }
        }
        return source;
    }

    /**
     * Checks that the text about to be written reads back, through night-config rather than
     * through the editor's own view of the text, as exactly the values it should hold.
     */
    private static TomlSource readBack(String text, Map<String, Object> expected) throws ConfigurationException {
        TomlSource written;
        try {
            written = parseWithNightConfig(text, null);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("the edited TOML would not read back (" + e.getMessage()
                    + "); nothing was written", e);
        }
        Object actual = comparable(TomlNodes.valueOf(TomlNodes.toNode(written.root())));
        if (!actual.equals(comparable(expected))) {
            throw new ConfigurationException("the edited TOML would not read back as the values set; nothing was"
                    + " written");
        }
        return written;
    }

    /** Values as TOML keeps them: integers of any width alike, other objects as their text. */
    private static Object comparable(Object value) {
        if (value instanceof Map<?, ?> table) {
            Map<String, Object> copy = new LinkedHashMap<>();
            table.forEach((key, item) -> copy.put(String.valueOf(key), comparable(item)));
            return copy;
        }
        if (value instanceof List<?> list && list.size() == 1) {
            // The node tree cannot tell a one-element array from its element.
            return comparable(list.get(0));
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(comparable(item)));
            return copy;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Double
                || value instanceof BigInteger || value instanceof java.time.temporal.Temporal) {
            return value;
        }
        return String.valueOf(value);
    }

    private static String readAll(Reader in) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = in.read(buffer)) > 0;) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }
}
