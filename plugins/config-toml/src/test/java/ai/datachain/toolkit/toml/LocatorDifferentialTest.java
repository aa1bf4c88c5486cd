package ai.datachain.toolkit.toml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The editor's view of a text (the locator's statements, placed) must be night-config's: the
 * tables rebuilt from the headers and from each value span read on its own equal what
 * night-config reads from the whole text, and every span is exactly its value. Run on every
 * fixture and on generated files.
 */
class LocatorDifferentialTest {

    private static final int GENERATED = 300;

    static Stream<Arguments> fixtures() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (Path directory : List.of(Path.of("src/test/resources/fixtures/toml"),
                Path.of("../../../shared/fixtures/toml"))) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(file -> !file.getFileName().toString().endsWith(".md")).sorted().forEach(file ->
                        cases.add(Arguments.of(directory.getParent().getParent() + ":" + file.getFileName(), file)));
            }
        }
        assertThat(cases).as("fixtures found").isNotEmpty();
        return cases.stream();
    }

    static Stream<Arguments> generated() {
        return Stream.iterate(0L, seed -> seed + 1).limit(GENERATED)
                .map(seed -> Arguments.of(seed, GeneratedToml.text(seed)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixturesAreLocatedAsNightConfigReadsThem(String name, Path file) throws Exception {
        assertLocatedAsRead(Files.readString(file, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("generated")
    void generatedFilesAreLocatedAsNightConfigReadsThem(long seed, String text) throws Exception {
        assertLocatedAsRead(text);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("generated")
    void generatedFilesSurviveAnEditOfEveryValue(long seed, String text) throws Exception {
        TomlConfiguration document = new TomlConfiguration();
        document.read(new StringReader(text));
        assertThat(ReferenceFixturesTest.write(document)).isEqualTo(text);

        Map<String, Object> read = TomlValues.read(text);
        TomlSource source = TomlSource.of(text, TomlLocator.locate(text), read);
        for (TomlSource.Entry entry : source.entries()) {
            Object value = TomlNodes.lookup(read, entry.path()).orElseThrow();
            if (entry.isPair() && !(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
                document.setProperty(configurationKey(entry.path()), "edited " + entry.statement().line());
            }
        }
        // write() refuses a text that night-config does not read back as the values set.
        String edited = ReferenceFixturesTest.write(document);
        assertLocatedAsRead(edited);
    }

    private static void assertLocatedAsRead(String text) throws Exception {
        Map<String, Object> read = TomlValues.read(text);
        TomlSource source = TomlSource.of(text, TomlLocator.locate(text), read);

        Map<String, Object> rebuilt = new LinkedHashMap<>();
        for (TomlSource.Entry entry : source.entries()) {
            TomlStatement statement = entry.statement();
            assertThat(statement.start() == 0 || text.charAt(statement.start() - 1) == '\n')
                    .as("statement at line %d starts a line", statement.line()).isTrue();
            if (entry.isPair()) {
                String value = statement.valueText(text);
                String rest = text.substring(statement.valueEnd(), statement.end()).strip();
                assertThat(value).as("value at line %d", statement.line()).isEqualTo(value.strip());
                assertThat(rest.isEmpty() || rest.startsWith("#")).as("after the value at line %d: %s",
                        statement.line(), rest).isTrue();
                put(rebuilt, entry.path(), TomlValues.read("v = " + value + "\n").get("v"));
            } else {
                put(rebuilt, entry.path(), new LinkedHashMap<String, Object>());
            }
        }
        assertThat(rebuilt).as(text).isEqualTo(read);
    }

    /** Sets {@code value} at {@code path}, making tables and array elements on the way; a table already there stays. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, TomlPath path, Object value) {
        Map<String, Object> table = root;
        List<TomlPath.Segment> segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            TomlPath.Segment segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment.index() != TomlPath.NO_INDEX) {
                List<Object> array = (List<Object>) table.computeIfAbsent(segment.name(), k -> new ArrayList<>());
                while (array.size() <= segment.index()) {
                    array.add(new LinkedHashMap<String, Object>());
                }
                table = (Map<String, Object>) array.get(segment.index());
            } else if (last && !(value instanceof Map<?, ?> && table.get(segment.name()) instanceof Map<?, ?>)) {
                assertThat(table).as("%s set twice", path).doesNotContainKey(segment.name());
                table.put(segment.name(), value);
            } else {
                table = (Map<String, Object>) table.computeIfAbsent(segment.name(),
                        k -> new LinkedHashMap<String, Object>());
            }
        }
    }

    /** The Commons Configuration key of a path: dots inside a name doubled, array elements by index. */
    private static String configurationKey(TomlPath path) {
        List<String> parts = new ArrayList<>();
        for (TomlPath.Segment segment : path.segments()) {
            String name = segment.name().replace(".", "..");
            parts.add(segment.index() == TomlPath.NO_INDEX ? name : name + "(" + segment.index() + ")");
        }
        return String.join(".", parts);
    }
}
