package ai.datachain.toolkit.toml;

import com.electronwill.nightconfig.core.CommentedConfig;
import com.electronwill.nightconfig.core.Config;
import com.electronwill.nightconfig.core.io.ParsingException;
import com.electronwill.nightconfig.core.io.ParsingMode;
import com.electronwill.nightconfig.toml.TomlFormat;
import com.electronwill.nightconfig.toml.TomlParser;
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
 * Turns the text of one TOML value into Java values with night-config, which knows every value
 * form (escapes, numbers, dates, arrays, inline tables). Tables become {@link InlineTable}s,
 * arrays {@link List}s, in the order written. One instance serves the values of one text, so the
 * night-config parser is made once per file rather than once per value; like that parser, it is
 * not for use by several threads at once.
 */
final class TomlValueParser {

    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[+-]?[0-9][0-9_]*");

    private final TomlParser parser = new TomlParser();

    /** An inline table's content: the keys in the order written. */
    static final class InlineTable extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
    }

    Object parse(String valueText, int line) throws ConfigurationException {
        if (DECIMAL_INTEGER.matcher(valueText).matches()) {
            checkRange(valueText, line);
        }
        CommentedConfig holder = TomlFormat.instance().createConfig(LinkedHashMap::new);
        try {
            parser.parse(new StringReader("v = " + valueText + "\n"), holder, ParsingMode.REPLACE);
        } catch (ParsingException e) {
            throw TomlScanner.error(describe(e), line);
        }
        return convert(holder.valueMap().get("v"));
    }

    private static void checkRange(String digits, int line) throws ConfigurationException {
        try {
            new BigInteger(digits.replace("_", "")).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw TomlScanner.error("integer out of range: " + digits, line);
        }
    }

    private static Object convert(Object value) {
        if (value instanceof Config config) {
            InlineTable table = new InlineTable();
            config.valueMap().forEach((key, item) -> table.put(key, convert(item)));
            return table;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(convert(item)));
            return items;
        }
        return value;
    }

    private static String describe(ParsingException e) {
        String message = e.getMessage() == null ? "invalid value" : e.getMessage().strip();
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        return message.isEmpty() ? "invalid value"
                : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }

    /** True for the maps this parser makes for inline tables. */
    static boolean isInline(Map<?, ?> table) {
        return table instanceof InlineTable;
    }
}
