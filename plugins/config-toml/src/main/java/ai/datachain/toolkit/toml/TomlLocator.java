package ai.datachain.toolkit.toml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.configuration2.ex.ConfigurationException;

/**
 * Finds where each statement of a TOML text lies: table headers, keys and values as spans of the
 * text, so that an edit can replace exactly one value and leave every other byte alone.
 * night-config reads the values but keeps no positions, which is why this exists.
 *
 * <p>It only locates; it does not validate: night-config ({@link TomlValues}) is the judge of a
 * text, and what the locator sees of a valid one is compared with night-config's reading by a
 * differential test. Where it cannot follow a text it refuses it rather than guess where a value
 * ends; night-config then names what is wrong.
 */
final class TomlLocator {

    private final String text;
    private final int[] lineStarts;
    private int pos;

    private TomlLocator(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /** The statements of {@code text}, in the order written. */
    static List<TomlStatement> locate(String text) throws ConfigurationException {
        return new TomlLocator(text).statements();
    }

    static boolean isBareKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private List<TomlStatement> statements() throws ConfigurationException {
        List<TomlStatement> statements = new ArrayList<>();
        while (pos < text.length()) {
            int lineStart = pos;
            skipBlanks();
            char c = pos < text.length() ? text.charAt(pos) : '\n';
            if (c == '[') {
                statements.add(header(lineStart));
            } else if (c != '\n' && c != '\r' && c != '#') {
                statements.add(keyValue(lineStart));
            } else {
                toNextLine(); // a blank or comment line
            }
        }
        return statements;
    }

    private TomlStatement header(int lineStart) throws ConfigurationException {
        int startLine = lineOf(pos);
        boolean array = text.startsWith("[[", pos);
        pos += array ? 2 : 1;
        List<String> key = key();
        String close = array ? "]]" : "]";
        expect(text.startsWith(close, pos));
        pos += close.length();
        return new TomlStatement(array ? TomlStatement.Kind.ARRAY_TABLE : TomlStatement.Kind.TABLE, startLine,
                lineStart, endOfStatement(), key, -1, -1);
    }

    private TomlStatement keyValue(int lineStart) throws ConfigurationException {
        int startLine = lineOf(pos);
        List<String> key = key();
        expect(pos < text.length() && text.charAt(pos) == '=');
        pos++;
        skipBlanks();
        int valueStart = pos;
        int valueEnd = valueEnd();
        pos = valueEnd;
        return new TomlStatement(TomlStatement.Kind.KEY_VALUE, startLine, lineStart, endOfStatement(), key,
                valueStart, valueEnd);
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
        expect(pos < text.length());
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            int end = stringEnd(pos);
            String written = text.substring(pos, end);
            pos = end;
            // A literal key, or a basic one without escapes, is its text; escapes are night-config's to read.
            return c == '\'' || written.indexOf('\\') < 0 ? written.substring(1, written.length() - 1)
                    : TomlValues.quotedKey(written, lineOf(pos));
        }
        int start = pos;
        while (pos < text.length() && isBareKeyChar(text.charAt(pos))) {
            pos++;
        }
        expect(pos > start);
        return text.substring(start, pos);
    }

    /** The end of the value starting at {@link #pos}, without moving it. */
    private int valueEnd() throws ConfigurationException {
        expect(pos < text.length());
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            return stringEnd(pos);
        }
        if (c == '[' || c == '{') {
            return bracketedEnd(pos);
        }
        int end = pos;
        while (end < text.length() && "#\n\r".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        while (end > pos && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        expect(end > pos);
        return end;
    }

    /** The end of a string starting at {@code start}: basic, literal, or their multi-line forms. */
    private int stringEnd(int start) throws ConfigurationException {
        char quote = text.charAt(start);
        String triple = String.valueOf(quote).repeat(3);
        boolean multiLine = text.startsWith(triple, start);
        int i = start + (multiLine ? 3 : 1);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                i += 2;
            } else if (multiLine && text.startsWith(triple, i)) {
                int end = i + 3;
                // Up to two quotes right before the closing delimiter belong to the string.
                while (end < text.length() && text.charAt(end) == quote && end - i - 3 < 2) {
                    end++;
                }
                return end;
            } else if (!multiLine && c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        throw cannotFollow();
    }

    /** The end of an array or inline table: nesting, strings and comments (in arrays) included. */
    private int bracketedEnd(int start) throws ConfigurationException {
        int depth = 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = stringEnd(i);
                continue;
            }
            if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        throw cannotFollow();
    }

    /** After a header or value: the offset just past the line break that ends the statement's last line. */
    private int endOfStatement() {
        toNextLine();
        return pos;
    }

    /** Moves past the next line feed, or to the end of the text. */
    private void toNextLine() {
        int next = text.indexOf('\n', pos);
        pos = next < 0 ? text.length() : next + 1;
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void expect(boolean condition) throws ConfigurationException {
        if (!condition) {
            throw cannotFollow();
        }
    }

    private ConfigurationException cannotFollow() {
        return TomlValues.syntaxError("cannot tell where this statement ends", lineOf(pos));
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
