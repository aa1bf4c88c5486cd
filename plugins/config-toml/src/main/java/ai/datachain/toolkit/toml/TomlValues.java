package ai.datachain.toolkit.toml;

import com.electronwill.nightconfig.core.CommentedConfig;
import com.electronwill.nightconfig.core.Config;
import com.electronwill.nightconfig.core.io.ParsingException;
import com.electronwill.nightconfig.core.io.ParsingMode;
import com.electronwill.nightconfig.toml.TomlFormat;
import com.electronwill.nightconfig.toml.TomlParser;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.configuration2.ex.ConfigurationException;

/**
 * The values of a TOML text as night-config reads them, which is also what decides whether a
 * text is valid TOML: tables become maps and arrays lists, in the order written. A syntax error
 * becomes a {@link ConfigurationException} whose message ends with {@code at line N}.
 */
final class TomlValues {

    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[+-]?[0-9][0-9_]*");

    /**
     * night-config's wording where it speaks of its own parser rather than of the file (the rest
     * of its messages are used as they are).
     */
    private static final Map<String, String> PLAIN_WORDS = Map.of(
            "Invalid value containing only whitespaces", "missing value",
            "Not enough data available", "unexpected end of the file");

    private TomlValues() {}

    /** The top-level table of {@code text}. */
    static Map<String, Object> read(String text) throws ConfigurationException {
        // night-config fails on a last line without a line feed after a table header; one more
        // line feed changes nothing else (it only ends the last line).
        String complete = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        LineCountingReader in = new LineCountingReader(new StringReader(complete));
        CommentedConfig root = TomlFormat.instance().createConfig(LinkedHashMap::new);
        try {
            new TomlParser().parse(in, root, ParsingMode.REPLACE);
        } catch (ParsingException e) {
            throw syntaxError(describe(e), in.line());
        }
        return table(root);
    }

    /** The name a quoted key with escapes ({@code "caf\u00e9"}) stands for. */
    static String quotedKey(String written, int line) throws ConfigurationException {
        Map<String, Object> holder = read(written + " = 0\n");
        if (holder.size() != 1) {
            throw syntaxError("invalid key " + written, line);
        }
        return holder.keySet().iterator().next();
    }

    /**
     * Refuses a decimal integer that does not fit 64 bits. TOML says such a value is an error;
     * night-config would silently wrap it into another number.
     */
    static void checkRange(String valueText, int line) throws ConfigurationException {
        if (!DECIMAL_INTEGER.matcher(valueText).matches()) {
            return;
        }
        try {
            new BigInteger(valueText.replace("_", "")).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw syntaxError("integer out of range: " + valueText, line);
        }
    }

    /** The error every syntax problem becomes: what is wrong and on which line. */
    static ConfigurationException syntaxError(String what, int line) {
        return new ConfigurationException(what + " at line " + line);
    }

    private static Map<String, Object> table(Config config) {
        Map<String, Object> table = new LinkedHashMap<>();
        config.valueMap().forEach((key, value) -> table.put(key, convert(value)));
        return table;
    }

    private static Object convert(Object value) {
        if (value instanceof Config config) {
            return table(config);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(convert(item)));
            return items;
        }
        return value;
    }

    /** night-config's message on one line, starting lower case, without a final period. */
    private static String describe(ParsingException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        message = PLAIN_WORDS.getOrDefault(message, message);
        if (message.isEmpty()) {
            return "invalid TOML";
        }
        StringBuilder line = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                line.append(String.format("U+%04X", c));
            } else {
                line.appendCodePoint(c);
            }
        });
        return Character.toLowerCase(line.charAt(0)) + line.substring(1);
    }

    /**
     * Counts the lines night-config has read. It reads one character at a time and fails as soon
     * as it sees what is wrong, so the line of the last character read is the line of the error;
     * a line feed belongs to the line it ends.
     */
    private static final class LineCountingReader extends FilterReader {

        private int completeLines;
        private boolean lastWasLineFeed;

        LineCountingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                count(buffer[offset + i]);
            }
            return n;
        }

        private void count(char c) {
            if (lastWasLineFeed) {
                completeLines++;
            }
            lastWasLineFeed = c == '\n';
        }

        int line() {
            return completeLines + 1;
        }
    }
}
