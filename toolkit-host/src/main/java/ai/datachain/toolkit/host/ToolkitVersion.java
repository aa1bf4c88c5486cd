package ai.datachain.toolkit.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The toolkit's version, stamped into the host jar at build time. */
public final class ToolkitVersion {

    private static final Properties STAMP = load();
    private static final String VERSION = STAMP.getProperty("version", "0.0.0");

    private ToolkitVersion() {}

    public static String get() {
        return VERSION;
    }

    /**
     * When this toolkit was built, as an ISO-8601 instant (the build's fixed output time, so the
     * same sources give the same value), or empty when not stamped. Left unparsed: this class is
     * on every start's path, the parse on one command's.
     */
    public static String releasedAt() {
        return STAMP.getProperty("released", "");
    }

    private static Properties load() {
        try (InputStream stream = ToolkitVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (stream != null) {
                properties.load(stream);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
