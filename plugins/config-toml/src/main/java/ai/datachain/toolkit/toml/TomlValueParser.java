package ai.datachain.toolkit.toml;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.configuration2.ex.ConfigurationException;

/**
 * Turns the text of one TOML value into Java values. The values a datachain config usually holds
 * (a string with no escapes, {@code true}, {@code false}) are read here; every other form
 * (escapes, numbers, dates, arrays, inline tables) goes to night-config ({@link NightConfigValues}),
 * whose classes are then loaded only for a file that needs them. Tables become
 * {@link InlineTable}s, arrays {@code List}s, in the order written. One instance serves the
 * values of one text; like the night-config parser it holds, it is not for several threads at once.
 */
final class TomlValueParser {

    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[+-]?[0-9][0-9_]*");

    private NightConfigValues nightConfig;

    /** An inline table's content: the keys in the order written. */
    static final class InlineTable extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
    }

    Object parse(String valueText, int line) throws ConfigurationException {
        Object simple = simpleValue(valueText);
        if (simple != null) {
            return simple;
        }
        if (DECIMAL_INTEGER.matcher(valueText).matches()) {
            checkRange(valueText, line);
        }
        if (nightConfig == null) {
            nightConfig = new NightConfigValues();
        }
        return nightConfig.parse(valueText, line);
    }

    /**
     * The value of a one-line basic string without escapes, a literal string, or a boolean: what
     * night-config would return for it. Null for any other text, including one night-config
     * rejects (a control character in a string), so its error message stays the one reported.
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
        for (int i = 1; i < length - 1; i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || c == 0x7F;
            if (control || c == quote || (quote == '"' && c == '\\')) {
                return null;
            }
        }
        return text.substring(1, length - 1);
    }

    private static void checkRange(String digits, int line) throws ConfigurationException {
        try {
            new BigInteger(digits.replace("_", "")).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw TomlScanner.error("integer out of range: " + digits, line);
        }
    }

    /** True for the maps this parser makes for inline tables. */
    static boolean isInline(Map<?, ?> table) {
        return table instanceof InlineTable;
    }
}
