package ai.datachain.toolkit.toml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Writes keys and values in TOML, in the style the reference client's library writes them. */
final class TomlWriter {

    private TomlWriter() {}

    /** A dotted key, each part bare when it can be and quoted when it must. */
    static String key(List<String> parts) {
        StringJoiner joined = new StringJoiner(".");
        parts.forEach(part -> joined.add(simpleKey(part)));
        return joined.toString();
    }

    private static String simpleKey(String part) {
        boolean bare = !part.isEmpty() && part.chars().allMatch(c -> TomlLocator.isBareKeyChar((char) c));
        return bare ? part : string(part);
    }

    static String value(Object value) {
        if (value instanceof String text) {
            return string(text);
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof java.math.BigInteger) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return floating(((Number) value).doubleValue());
        }
        if (value instanceof OffsetDateTime dateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
        }
        if (value instanceof LocalDateTime dateTime) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime);
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }
        if (value instanceof LocalTime time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
        }
        if (value instanceof List<?> list) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            list.forEach(item -> items.add(value(item)));
            return items.toString();
        }
        if (value instanceof Map<?, ?> table) {
            if (table.isEmpty()) {
                return "{}";
            }
            StringJoiner pairs = new StringJoiner(", ", "{", "}");
            table.forEach((k, v) -> pairs.add(key(List.of(k.toString())) + " = " + value(v)));
            return pairs.toString();
        }
        return string(String.valueOf(value));
    }

    private static String floating(double number) {
        if (Double.isNaN(number)) {
            return "nan";
        }
        if (Double.isInfinite(number)) {
            return number > 0 ? "inf" : "-inf";
        }
        return Double.toString(number);
    }

    /** A basic string: quotes, backslashes and control characters escaped, everything else as is. */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
