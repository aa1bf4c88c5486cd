package ai.datachain.toolkit.toml;

import java.util.List;
import java.util.Random;

/**
 * Valid TOML texts made from a seed: root keys, tables and sub-tables, arrays of tables, dotted
 * and quoted keys, every string form with escapes, numbers, dates, arrays over several lines with
 * comments, inline tables, comments and blank lines, LF or CRLF. Names are numbered, so no key or
 * table is defined twice.
 */
final class GeneratedToml {

    private static final List<String> ESCAPES = List.of("\\\"", "\\\\", "\\n", "\\t", "\\u00e9", "\\U0001F600",
            "\\b", "\\f", "\\r");

    private final Random random;
    private final String lineBreak;
    private final StringBuilder text = new StringBuilder();
    private int names;

    private GeneratedToml(long seed) {
        this.random = new Random(seed);
        this.lineBreak = random.nextInt(5) == 0 ? "\r\n" : "\n";
    }

    static String text(long seed) {
        return new GeneratedToml(seed).document();
    }

    private String document() {
        if (random.nextBoolean()) {
            comment("");
        }
        pairs("");
        int tables = random.nextInt(5);
        for (int t = 0; t < tables; t++) {
            blankLines();
            String name = key();
            switch (random.nextInt(4)) {
                case 0 -> {
                    int elements = 1 + random.nextInt(3);
                    for (int e = 0; e < elements; e++) {
                        line(indent() + "[[" + name + "]]" + trailingComment());
                        pairs(indent());
                        if (random.nextInt(3) == 0) {
                            line("[" + name + "." + key() + "]");
                            pairs("");
                        }
                    }
                }
                case 1 -> {
                    line("[" + name + "]" + trailingComment());
                    pairs(random.nextBoolean() ? "  " : "");
                    blankLines();
                    line("[ " + name + " . " + key() + " ]");
                    pairs("");
                }
                case 2 -> {
                    // A sub-table first, its parent defined afterwards.
                    line("[" + name + "." + key() + "]");
                    pairs("");
                    line("[" + name + "]");
                    pairs("");
                }
                default -> {
                    line("[" + name + "]");
                    pairs("");
                }
            }
        }
        if (random.nextInt(4) == 0) {
            comment("");
        }
        String result = text.toString();
        return random.nextInt(6) == 0 ? result.stripTrailing() : result;
    }

    private void pairs(String indent) {
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(5) == 0) {
                comment(indent);
            }
            String key = random.nextInt(4) == 0 ? key() + "." + key() : key();
            String spacing = random.nextBoolean() ? " = " : random.nextBoolean() ? "=" : "   =  ";
            text.append(indent).append(key).append(spacing).append(value(2)).append(trailingComment())
                    .append(lineBreak);
        }
    }

    private String key() {
        String name = "k" + names++;
        return switch (random.nextInt(6)) {
            case 0 -> "\"" + name + " quoted\"";
            case 1 -> "'" + name + ".lit'";
            case 2 -> "\"" + name + "\\u00e9\"";
            default -> random.nextBoolean() ? name : name + "_-x";
        };
    }

    private String value(int depth) {
        int kind = random.nextInt(depth > 0 ? 13 : 10);
        return switch (kind) {
            case 0 -> "\"plain " + random.nextInt(100) + "\"";
            case 1 -> "\"" + escapes() + "\"";
            case 2 -> "'C:\\path\\" + random.nextInt(9) + " # not a comment'";
            case 3 -> "\"\"\"" + lineBreak + "first" + escapes() + lineBreak + "second \"\" quotes\"\"\"";
            case 4 -> "'''" + "literal" + lineBreak + "  ' and '' inside'''";
            case 5 -> String.valueOf(random.nextInt(2000) - 1000);
            // No 'e' in hexadecimal digits: night-config 3.8 takes it for an exponent and refuses the number.
            case 6 -> random.nextBoolean() ? "1_000" : "0x" + Integer.toHexString(random.nextInt(4096)).replace('e', 'd');
            case 7 -> random.nextBoolean() ? "3.25" : "-1e3";
            case 8 -> random.nextBoolean() ? "true" : "false";
            case 9 -> random.nextBoolean() ? "1979-05-27T07:32:00Z" : "2024-05-01";
            case 10 -> array(depth - 1);
            case 11 -> "[" + lineBreak + "  " + value(0) + ",  # one" + lineBreak + "  # between" + lineBreak
                    + "  " + value(0) + "," + lineBreak + "]";
            default -> inlineTable(depth - 1);
        };
    }

    private String array(int depth) {
        StringBuilder array = new StringBuilder("[");
        int items = random.nextInt(4);
        for (int i = 0; i < items; i++) {
            array.append(i == 0 ? "" : ", ").append(value(depth));
        }
        return array.append(random.nextBoolean() ? "]" : " ]").toString();
    }

    private String inlineTable(int depth) {
        StringBuilder table = new StringBuilder("{");
        int items = random.nextInt(3);
        for (int i = 0; i < items; i++) {
            // Inline tables may not span lines: only one-line values inside.
            String value = value(depth);
            if (value.contains("\n")) {
                value = "\"" + escapes() + "\"";
            }
            table.append(i == 0 ? " " : ", ").append(key()).append(" = ").append(value);
        }
        return table.append(items > 0 ? " }" : "}").toString();
    }

    private String escapes() {
        StringBuilder content = new StringBuilder("esc");
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            content.append(ESCAPES.get(random.nextInt(ESCAPES.size()))).append(" # x [y] {z} = ");
        }
        return content.toString();
    }

    private String trailingComment() {
        return random.nextInt(3) == 0 ? "  # note \"quoted\" = [x]" : "";
    }

    private String indent() {
        return random.nextInt(4) == 0 ? "  " : "";
    }

    private void comment(String indent) {
        line(indent + "# comment " + random.nextInt(100) + " with \"quotes\" and 'x = 1'");
    }

    private void blankLines() {
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            text.append(i == 0 || random.nextBoolean() ? "" : "   ").append(lineBreak);
        }
    }

    private void line(String content) {
        text.append(content).append(lineBreak);
    }
}
