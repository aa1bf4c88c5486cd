package ai.datachain.toolkit.toml;

import java.util.List;

/**
 * One statement of a TOML file as written: a table header or a key/value pair, with the offsets
 * the editor needs to change it in place. Blank lines and comment lines are not statements; they
 * stay in the text untouched.
 *
 * @param kind what the statement is
 * @param line the 1-based line it starts on
 * @param start offset of the first character of its line
 * @param end offset just after its line break (or the end of the text)
 * @param key the key as written: absolute for headers, relative to the table for pairs
 * @param valueStart offset of the value's first character (pairs only, else -1)
 * @param valueEnd offset just after the value's last character (pairs only, else -1)
 */
record TomlStatement(Kind kind, int line, int start, int end, List<String> key, int valueStart, int valueEnd) {

    enum Kind {
        /** {@code [a.b]} */
        TABLE,
        /** {@code [[a.b]]} */
        ARRAY_TABLE,
        /** {@code key = value} */
        KEY_VALUE
    }

    TomlStatement {
        key = List.copyOf(key);
    }

    String valueText(String text) {
        return text.substring(valueStart, valueEnd);
    }
}
