package ai.datachain.toolkit.api.config;

import org.pf4j.ExtensionPoint;

/**
 * A configuration file format (backend). The host loads and saves documents with a Commons
 * Configuration {@code FileHandler}, so a backend is just a document type that can read and write
 * itself. The {@code datachain} config files are TOML, served by the {@code config-toml} plugin.
 */
public interface ConfigFormat extends ExtensionPoint {

    /** The format's name, e.g. {@code toml}. */
    String name();

    /**
     * A new, empty document. Reading into it must report a syntax error as a
     * {@code ConfigurationException} whose message names the line; writing must keep what the
     * document read (comments, order, other tables) apart from the keys that were changed.
     */
    ConfigDocument newDocument();
}
