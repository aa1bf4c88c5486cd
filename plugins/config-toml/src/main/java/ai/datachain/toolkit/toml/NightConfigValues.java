package ai.datachain.toolkit.toml;

import com.electronwill.nightconfig.core.CommentedConfig;
import com.electronwill.nightconfig.core.Config;
import com.electronwill.nightconfig.core.io.ParsingException;
import com.electronwill.nightconfig.core.io.ParsingMode;
import com.electronwill.nightconfig.toml.TomlFormat;
import com.electronwill.nightconfig.toml.TomlParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.apache.commons.configuration2.ex.ConfigurationException;

/**
 * Every TOML value form through night-config: one parser for the values of one text, made on
 * the first value {@link TomlValueParser} does not read itself.
 */
final class NightConfigValues {

    private final TomlParser parser = new TomlParser();

    Object parse(String valueText, int line) throws ConfigurationException {
        CommentedConfig holder = TomlFormat.instance().createConfig(LinkedHashMap::new);
        try {
            parser.parse(new StringReader("v = " + valueText + "\n"), holder, ParsingMode.REPLACE);
        } catch (ParsingException e) {
            throw TomlScanner.error(describe(e), line);
        }
        return convert(holder.valueMap().get("v"));
    }

    private static Object convert(Object value) {
        if (value instanceof Config config) {
            TomlValueParser.InlineTable table = new TomlValueParser.InlineTable();
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
}
