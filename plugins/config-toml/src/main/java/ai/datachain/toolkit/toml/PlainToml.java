package ai.datachain.toolkit.toml;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads, without night-config, the texts a datachain config usually is: {@code [table]} headers
 * and {@code key = "plain string"} or {@code true}/{@code false} lines, with comments and blank
 * lines. Anything else, and anything it is not sure of, it leaves to night-config: it never
 * reports an error itself, so night-config stays the only judge of what is valid TOML.
 *
 * <p>Why it exists: night-config's classes come from the plugin jar, which the class-data sharing
 * archive cannot hold, and loading them is a measurable part of {@code auth token}. Measured:
 * docs/performance.md, "Start-up tricks, re-measured", row {@code PlainToml}.
 */
final class PlainToml {

    private PlainToml() {}

    /** The values of {@code text}, or empty when night-config must read it. */
    static Optional<Map<String, Object>> values(String text, List<TomlStatement> statements) {
        if (!plainCharacters(text)) {
            return Optional.empty();
        }
        Map<String, Object> root = new LinkedHashMap<>();
        Set<List<String>> headers = new HashSet<>();
        Map<String, Object> table = root;
        for (TomlStatement statement : statements) {
            if (!statement.key().stream().allMatch(PlainToml::isBare)) {
                return Optional.empty();
            }
            if (statement.kind() == TomlStatement.Kind.TABLE) {
                int close = text.indexOf(']', statement.start());
                table = headers.add(statement.key()) && onlyCommentAfter(text, close + 1, statement.end())
                        ? tableAt(root, statement.key()) : null;
            } else if (statement.kind() == TomlStatement.Kind.KEY_VALUE && statement.key().size() == 1
                    && onlyCommentAfter(text, statement.valueEnd(), statement.end())) {
                Object value = simpleValue(statement.valueText(text));
                String name = statement.key().get(0);
                if (value == null || table.putIfAbsent(name, value) != null) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
            if (table == null) {
                return Optional.empty();
            }
        }
        return Optional.of(root);
    }

    /**
     * The value of a one-line basic string without escapes, a literal string, or a boolean:
     * what night-config would return for it; null for any other text.
     */
    static Object simpleValue(String text) {
        if (text.equals("true")) {
            return Boolean.TRUE;
        }
        if (text.equals("false")) {
            return Boolean.FALSE;
        }
        int length = text.length();
        if (length < 2) {
            return null;
        }
        char quote = text.charAt(0);
        if ((quote != '"' && quote != '\'') || text.charAt(length - 1) != quote
                || (length >= 3 && text.charAt(1) == quote && text.charAt(2) == quote)) {
            return null; // not a string, or a multi-line one
        }
        String content = text.substring(1, length - 1);
        return content.indexOf(quote) < 0 && (quote == '\'' || content.indexOf('\\') < 0) ? content : null;
    }

    /** The table a header names, made where missing; null where a value is in the way. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> tableAt(Map<String, Object> root, List<String> key) {
        Map<String, Object> table = root;
        for (String name : key) {
            Object existing = table.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
            if (!(existing instanceof Map<?, ?>)) {
                return null;
            }
            table = (Map<String, Object>) existing;
        }
        return table;
    }

    /** Line feeds, tabs and printable characters only: no carriage return, no other control character. */
    private static boolean plainCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyCommentAfter(String text, int from, int lineEnd) {
        String rest = from <= 0 || from > lineEnd ? "?" : text.substring(from, lineEnd).strip();
        return rest.isEmpty() || rest.startsWith("#");
    }

    private static boolean isBare(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> TomlLocator.isBareKeyChar((char) c));
    }
}
