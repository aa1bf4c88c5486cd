package ai.datachain.toolkit.toml;

import ai.datachain.toolkit.api.config.ConfigDocument;
import ai.datachain.toolkit.api.config.ConfigFormat;
import org.pf4j.Extension;

/** TOML, the format of the datachain {@code config} files. */
@Extension
public final class TomlFormat implements ConfigFormat {

    @Override
    public String name() {
        return "toml";
    }

    @Override
    public ConfigDocument newDocument() {
        return new TomlConfiguration();
    }
}
