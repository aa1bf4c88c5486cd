package ai.datachain.toolkit.api.config;

import org.pf4j.ExtensionPoint;

/**
 * A configuration file format (backend). The host loads and saves documents with a Commons
 * Configuration {@code FileHandler}, so a backend is just a document type that can read and write
 * itself. The {@code datachain} config files are TOML, served by the {@code config-toml} plugin.
 *
 * <p>The host reads and writes every configuration file with the format named {@code toml}, or
 * with the first format installed when none is; with none installed, a file that exists cannot be
 * read (a missing one reads as empty).
 */
public interface ConfigFormat extends ExtensionPoint {

    /**
     * The format's name.
     *
     * @return the name, e.g. {@code toml}
     */
    String name();

    /**
     * A new, empty document, one per file read or written. Reading into it must report a syntax
     * error as a {@code ConfigurationException} whose message names the line (the host prints
     * {@code cannot read <file>: <that message>}); writing must keep what the document read
     * (comments, order, other tables) apart from the keys that were changed.
     *
     * @return a new document, never one handed out before
     */
    ConfigDocument newDocument();
}
