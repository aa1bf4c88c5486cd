package ai.datachain.toolkit.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commands that may open a URL in a browser, in the order Python's {@code webbrowser} module
 * (and so the reference client) tries them: each entry of {@code BROWSER} (separated by
 * {@code :}, {@code %s} replaced by the URL, else the URL appended), then the platform's opener:
 * {@code open} on macOS, {@code xdg-open} where there is a display.
 */
final class BrowserCommands {

    private BrowserCommands() {}

    static List<List<String>> forUrl(String url, Map<String, String> environment, String osName) {
        List<List<String>> commands = new ArrayList<>();
        String browser = environment.getOrDefault("BROWSER", "");
        for (String entry : browser.split(":")) {
            List<String> words = splitWords(entry);
            if (words.isEmpty()) {
                continue;
            }
            commands.add(withUrl(words, url));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            commands.add(List.of("open", url));
        } else if (!isBlank(environment.get("DISPLAY")) || !isBlank(environment.get("WAYLAND_DISPLAY"))) {
            commands.add(List.of("xdg-open", url));
        }
        return commands;
    }

    private static List<String> withUrl(List<String> words, String url) {
        List<String> command = new ArrayList<>();
        command.add(words.get(0));
        boolean substituted = false;
        for (String word : words.subList(1, words.size())) {
            if (word.contains("%s")) {
                substituted = true;
                command.add(word.replace("%s", url));
            } else {
                command.add(word);
            }
        }
        if (!substituted) {
            command.add(url);
        }
        return List.copyOf(command);
    }

    /** Splits a command line into words the way a POSIX shell would: quotes and backslashes. */
    static List<String> splitWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
