package ai.datachain.toolkit.toml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shortcut that reads plain texts without night-config must agree with night-config on every
 * text: the same values where it reads one, and no reading at all of a text night-config refuses.
 * Tried on the fixtures, on the generated files, and on plain files with one fault put in.
 */
class PlainTomlTest {

    private static final List<String> FAULTS = List.of("dup-key", "dup-table", "junk-after-value",
            "junk-after-header", "bell-in-comment", "lone-cr", "key-then-table", "table-over-key", "escape",
            "empty-header", "unclosed", "array-table");

    static Stream<Arguments> everyText() throws Exception {
        List<Arguments> texts = new ArrayList<>();
        LocatorDifferentialTest.fixtures().forEach(fixture -> {
            try {
                texts.add(Arguments.of(fixture.get()[0], Files.readString((Path) fixture.get()[1],
                        StandardCharsets.UTF_8)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (long seed = 0; seed < 100; seed++) {
            texts.add(Arguments.of("generated " + seed, GeneratedToml.text(seed)));
            String plain = plain(seed);
            texts.add(Arguments.of("plain " + seed, plain));
            for (String fault : FAULTS) {
                texts.add(Arguments.of("plain " + seed + " " + fault, withFault(plain, fault, new Random(seed))));
            }
        }
        return texts.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyText")
    void readsOnlyWhatNightConfigReadsAndAsItDoes(String name, String text) {
        Optional<Map<String, Object>> plain;
        try {
            plain = PlainToml.values(text, TomlLocator.locate(text));
        } catch (ConfigurationException notLocated) {
            return; // then night-config reads it, and reports what is wrong
        }
        Map<String, Object> read;
        try {
            read = TomlValues.read(text);
        } catch (ConfigurationException refused) {
            assertThat(plain).as("a text night-config refuses (%s)", refused.getMessage()).isEmpty();
            return;
        }
        plain.ifPresent(values -> assertThat(values).isEqualTo(read));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void readsThePlainFilesItIsFor(long seed) throws Exception {
        String text = plain(seed);
        assertThat(PlainToml.values(text, TomlLocator.locate(text))).contains(TomlValues.read(text));
    }

    static Stream<Long> seeds() {
        return Stream.iterate(0L, seed -> seed + 1).limit(100);
    }

    /** A datachain-like config: tables and sub-tables of plain strings and booleans, comments, blank lines. */
    static String plain(long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        int names = 0;
        int tables = random.nextInt(4);
        for (int t = -1; t < tables; t++) {
            if (t >= 0) {
                String header = "t" + t + (random.nextBoolean() ? ".sub" + t : "");
                text.append(random.nextBoolean() ? "\n" : "").append(random.nextBoolean() ? "[" + header + "]"
                        : "[ " + header.replace(".", " . ") + " ]  # table " + t).append('\n');
            }
            int keys = random.nextInt(4);
            for (int k = 0; k < keys; k++) {
                if (random.nextInt(4) == 0) {
                    text.append("# comment with \"quotes\" = 'x'\n");
                }
                String value = switch (random.nextInt(4)) {
                    case 0 -> "\"https://studio.example.com/" + random.nextInt(99) + "\"";
                    case 1 -> "'C:\\literal\\" + random.nextInt(9) + "'";
                    case 2 -> random.nextBoolean() ? "true" : "false";
                    default -> "\"caf\u00e9 \u2713 isat_" + random.nextInt(1000) + "\"";
                };
                text.append(random.nextBoolean() ? "" : "  ").append("k").append(names++).append(" = ")
                        .append(value).append(random.nextBoolean() ? "" : "   # why").append('\n');
            }
        }
        return text.toString();
    }

    private static String withFault(String text, String fault, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = lines.size() <= 1 ? 0 : random.nextInt(lines.size() - 1);
        String line = lines.get(at);
        switch (fault) {
            case "dup-key" -> lines.add(at, "k0 = \"again\"");
            case "dup-table" -> lines.add("[t0]\n[t0]");
            case "junk-after-value" -> lines.add(at, "x = \"a\" junk");
            case "junk-after-header" -> lines.add(at, "[h] junk");
            case "bell-in-comment" -> lines.add(at, "# bell \u0007");
            case "lone-cr" -> lines.set(at, line + "\r");
            case "key-then-table" -> lines.add(0, "t0 = \"value\"");
            case "table-over-key" -> lines.add("[k0]");
            case "escape" -> lines.add(at, "e = \"\\q\"");
            case "empty-header" -> lines.add(at, "[]");
            case "unclosed" -> lines.add(at, "u = \"open");
            default -> lines.add("[[t0]]");
        }
        return String.join("\n", lines);
    }
}
