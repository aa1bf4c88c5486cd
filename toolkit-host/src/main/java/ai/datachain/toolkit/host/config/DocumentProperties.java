package ai.datachain.toolkit.host.config;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;

/**
 * A document's keys and values as flat strings, the form MicroProfile Config and the
 * {@code config} commands use: dotted keys in file order, several values (an array) joined with
 * commas, each comma inside a value escaped as {@code \,}.
 */
public final class DocumentProperties {

    private DocumentProperties() {}

    public static Map<String, String> of(ImmutableHierarchicalConfiguration document) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Iterator<String> keys = document.getKeys(); keys.hasNext();) {
            String key = keys.next();
            properties.put(key, text(document.getList(key)));
        }
        return properties;
    }

    private static String text(List<Object> values) {
        if (values.size() == 1) {
            return String.valueOf(values.get(0));
        }
        return values.stream().map(value -> String.valueOf(value).replace("\\", "\\\\").replace(",", "\\,"))
                .collect(Collectors.joining(","));
    }
}
