package ai.datachain.toolkit.toml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.configuration2.ex.ConfigurationException;

/**
 * Splits TOML text into statements and records where each one and its value lie, so that an edit
 * can replace exactly one value and leave every other byte alone. It checks the layout (keys,
 * headers, strings, brackets, what follows a value); the values themselves are checked by
 * {@link TomlValueParser}.
 */
final class TomlScanner {

    private final String text;
    private final int[] lineStarts;
    private int pos;

    private TomlScanner(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    static List<TomlStatement> scan(String text) throws ConfigurationException {
        return new TomlScanner(text).statements();
    }

    /** The error every syntax problem becomes: what is wrong and on which line. */
    static ConfigurationException error(String what, int line) {
        return new ConfigurationException(what + " at line " + line);
    }

    private List<TomlStatement> statements() throws ConfigurationException {
        List<TomlStatement> statements = new ArrayList<>();
        while (pos < text.length()) {
            int lineStart = pos;
            skipBlanks();
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos);
            if (c == '\n' || c == '\r') {
                endOfLine();
            } else if (c == '#') {
                skipComment();
                endOfLine();
            } else if (c == '[') {
                statements.add(header(lineStart));
            } else {
                statements.add(keyValue(lineStart));
            }
        }
        return statements;
    }

    private TomlStatement header(int lineStart) throws ConfigurationException {
        int line = lineOf(pos);
        boolean array = text.startsWith("[[", pos);
        pos += array ? 2 : 1;
        List<String> key = key();
        String close = array ? "]]" : "]";
        if (!text.startsWith(close, pos)) {
            throw error("expected '" + close + "' to close the table header", lineOf(pos));
        }
        pos += close.length();
        finishLine("table header");
        return new TomlStatement(array ? TomlStatement.Kind.ARRAY_TABLE : TomlStatement.Kind.TABLE, line, lineStart,
                pos, key, -1, -1);
    }

    private TomlStatement keyValue(int lineStart) throws ConfigurationException {
        int line = lineOf(pos);
        List<String> key = key();
        if (pos >= text.length() || text.charAt(pos) != '=') {
            throw error("expected '=' after the key '" + String.join(".", key) + "'", lineOf(pos));
        }
        pos++;
        skipBlanks();
        int valueStart = pos;
        int valueEnd = value();
        pos = valueEnd;
        finishLine("value");
        return new TomlStatement(TomlStatement.Kind.KEY_VALUE, line, lineStart, pos, key, valueStart, valueEnd);
    }

    /** A dotted key: simple keys joined by dots, blanks allowed around the dots. */
    private List<String> key() throws ConfigurationException {
        List<String> parts = new ArrayList<>();
        while (true) {
            skipBlanks();
            parts.add(simpleKey());
            skipBlanks();
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
            } else {
                return parts;
            }
        }
    }

    private String simpleKey() throws ConfigurationException {
        if (pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r') {
            throw error("expected a key", lineOf(pos));
        }
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            if (text.startsWith("\"\"\"", pos) || text.startsWith("'''", pos)) {
                throw error("a key cannot be a multi-line string", lineOf(pos));
            }
            int end = singleLineString(pos);
            String raw = text.substring(pos + 1, end - 1);
            int line = lineOf(pos);
            pos = end;
            return c == '"' ? unescape(raw, line) : raw;
        }
        int start = pos;
        while (pos < text.length() && isBareKeyChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("invalid character '" + printable(c) + "' in a key", lineOf(pos));
        }
        return text.substring(start, pos);
    }

    static boolean isBareKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /** Finds the end of the value starting at {@link #pos}, without moving it. */
    private int value() throws ConfigurationException {
        if (pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r' || text.charAt(pos) == '#') {
            throw error("missing value", lineOf(pos));
        }
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            return string(pos);
        }
        if (c == '[' || c == '{') {
            return bracketed(pos);
        }
        int end = pos;
        while (end < text.length() && "#\n\r".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        while (end > pos && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }

    /** The end of any string starting at {@code start}: basic, literal, or their multi-line forms. */
    private int string(int start) throws ConfigurationException {
        char quote = text.charAt(start);
        String triple = String.valueOf(quote).repeat(3);
        if (!text.startsWith(triple, start)) {
            return singleLineString(start);
        }
        int i = start + 3;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                i += 2;
            } else if (text.startsWith(triple, i)) {
                int end = i + 3;
                // Up to two quotes right before the closing delimiter belong to the string.
                while (end < text.length() && text.charAt(end) == quote && end - i - 3 < 2) {
                    end++;
                }
                return end;
            } else {
                i++;
            }
        }
        throw error("unterminated multi-line string", lineOf(start));
    }

    private int singleLineString(int start) throws ConfigurationException {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            if (quote == '"' && c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        throw error("unterminated string", lineOf(start));
    }

    /** The end of an array or inline table: nesting, strings and (in arrays) comments included. */
    private int bracketed(int start) throws ConfigurationException {
        StringBuilder open = new StringBuilder();
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = string(i);
                continue;
            }
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '[' || c == '{') {
                open.append(c);
            } else if (c == ']' || c == '}') {
                char expected = open.length() == 0 ? 0 : open.charAt(open.length() - 1) == '[' ? ']' : '}';
                if (c != expected) {
                    throw error("unexpected '" + c + "'", lineOf(i));
                }
                open.setLength(open.length() - 1);
                if (open.length() == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        throw error(text.charAt(start) == '[' ? "unterminated array" : "unterminated inline table", lineOf(start));
    }

    /** After a header or value: blanks, an optional comment, then the end of the line. */
    private void finishLine(String after) throws ConfigurationException {
        skipBlanks();
        if (pos < text.length() && text.charAt(pos) == '#') {
            skipComment();
        }
        if (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            throw error("unexpected text after the " + after + ": '" + restOfLine() + "'", lineOf(pos));
        }
        endOfLine();
    }

    private void endOfLine() throws ConfigurationException {
        if (pos >= text.length()) {
            return;
        }
        if (text.charAt(pos) == '\r') {
            if (pos + 1 >= text.length() || text.charAt(pos + 1) != '\n') {
                throw error("a carriage return must be followed by a line feed", lineOf(pos));
            }
            pos++;
        }
        pos++;
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void skipComment() throws ConfigurationException {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            char c = text.charAt(pos);
            if (c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                return;
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw error("control character " + printable(c) + " in a comment", lineOf(pos));
            }
            pos++;
        }
    }

    private String restOfLine() {
        int end = pos;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(pos, end);
    }

    /** Resolves the escapes of a basic string's content. */
    static String unescape(String raw, int line) throws ConfigurationException {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= raw.length()) {
                throw error("unfinished escape in a string", line);
            }
            char e = raw.charAt(i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'f' -> out.append('\f');
                case 'r' -> out.append('\r');
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case 'u', 'U' -> {
                    int length = e == 'u' ? 4 : 8;
                    if (i + length >= raw.length()) {
                        throw error("unfinished \\" + e + " escape in a string", line);
                    }
                    String hex = raw.substring(i + 1, i + 1 + length);
                    try {
                        out.appendCodePoint(Integer.parseInt(hex, 16));
                    } catch (IllegalArgumentException bad) {
                        throw error("invalid escape \\" + e + hex + " in a string", line);
                    }
                    i += length;
                }
                default -> throw error("invalid escape \\" + e + " in a string", line);
            }
        }
        return out.toString();
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    private int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
