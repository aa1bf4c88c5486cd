package ai.datachain.toolkit.auth;

/**
 * Text we did not write (Studio's answers, a project's config file) made safe for a terminal and a
 * file. A terminal obeys control characters (ESC starts colour, cursor and title sequences, OSC 8
 * hides links), and bidi overrides and other format characters make text read differently from what
 * it is. Each such character is shown as an escape ({@code \x1b}, {@code \u202e}) rather than dropped,
 * so a forged answer looks forged instead of looking clean.
 */
final class PrintableText {

    /** The user info of a URL: after {@code scheme://}, before the first {@code @} of the authority. */
    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile(
            "^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@");

    private PrintableText() {}

    /**
     * A URL for a message: its user info ({@code alice:pw@}) replaced by {@code ***@}, then escaped.
     * A password in a Studio or proxy URL is the user's secret and never shown.
     */
    static String url(String url) {
        return of(USER_INFO.matcher(url).replaceFirst("$1***@"));
    }

    /** {@code text} with every control, format and line or paragraph separator character escaped. */
    static String of(String text) {
        if (text.codePoints().noneMatch(PrintableText::hidden)) {
            return text;
        }
        StringBuilder printable = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (!hidden(c)) {
                printable.appendCodePoint(c);
            } else if (c < 0x100) {
                printable.append(String.format("\\x%02x", c));
            } else if (c < 0x10000) {
                printable.append(String.format("\\u%04x", c));
            } else {
                printable.append(String.format("\\U%08x", c));
            }
        });
        return printable.toString();
    }

    /**
     * C0, DEL and C1 controls ({@code CONTROL}), bidi marks, overrides and isolates, zero-width and
     * other invisible characters ({@code FORMAT}), line and paragraph separators, and lone surrogates.
     */
    static boolean hidden(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }
}
