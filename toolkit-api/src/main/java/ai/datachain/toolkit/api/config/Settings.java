package ai.datachain.toolkit.api.config;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;

/**
 * Reads single configuration files and changes them safely. Keys are dotted paths such as
 * {@code studio.token}: the table, then the key.
 *
 * <p>A key whose last part is {@code token}, {@code password} or {@code secret}, or ends in
 * {@code _token}, {@code _password} or {@code _secret}, holds a secret: {@code datachain config list}
 * masks its value unless asked with {@code --show-secrets}. Name a plugin's secrets that way; there is
 * nothing to register.
 */
public interface Settings {

    /** The file of a level, whether or not it exists. */
    Path location(ConfigLevel level);

    /**
     * The current content of one level's file alone, not merged with any other; empty when the
     * file does not exist.
     *
     * @throws ai.datachain.toolkit.api.CommandException when the file cannot be read or parsed
     */
    ImmutableHierarchicalConfiguration read(ConfigLevel level);

    /**
     * Changes one level's file: locks it against other {@code datachain} processes, loads it,
     * applies the change, writes a temporary file beside it, syncs it and renames it into place
     * (mode 0600, new directories 0700). A file that does not parse is never overwritten. The
     * resolved configuration of the running invocation reflects the change afterwards.
     *
     * @return the file written
     * @throws ai.datachain.toolkit.api.CommandException when the file cannot be read, parsed or written
     */
    Path edit(ConfigLevel level, SettingsChange change);

    /** Where the resolved value of a key comes from; empty when no layer sets it. */
    Optional<ValueOrigin> origin(String key);
}
