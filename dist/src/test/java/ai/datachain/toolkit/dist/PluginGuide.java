package ai.datachain.toolkit.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced snippets of {@code docs/plugin-guide.md}, in order, as the reader sees them. */
final class PluginGuide {

    /** One fenced block: its info string ({@code sh}, {@code java}, …), its text, its first line. */
    record Snippet(String language, String text, int line) {
        String where() {
            return "docs/plugin-guide.md:" + line;
        }
    }

    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");

    private PluginGuide() {}

    static Path file() {
        return ToolkitMaven.sources().resolve("docs/plugin-guide.md");
    }

    static List<Snippet> snippets() throws IOException {
        List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int first = i + 1;
            StringBuilder text = new StringBuilder();
            for (i = first; i < lines.size() && !lines.get(i).equals("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            if (i == lines.size()) {
                throw new IllegalStateException("docs/plugin-guide.md:" + first + ": a snippet that never ends");
            }
            snippets.add(new Snippet(open.group(1), text.toString(), first));
        }
        return snippets;
    }
}
