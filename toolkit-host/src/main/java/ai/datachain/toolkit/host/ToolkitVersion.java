package ai.datachain.toolkit.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The toolkit's version, stamped into the host jar at build time. */
public final class ToolkitVersion {

    private static final String VERSION = load();

    private ToolkitVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream stream = ToolkitVersion.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (stream != null) {
                properties.load(stream);
            }
            return properties.getProperty("version", "0.0.0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
