package ai.datachain.toolkit.api.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;

/**
 * The settings of one invocation: what a key resolves to and where that comes from, one level's
 * file as a document, and the one safe way to change a file. Keys are dotted paths such as
 * {@code studio.token}: the table, then the key.
 *
 * <p>Every query answers with the same rule, over the {@link Layer layers} it is asked about: the
 * highest of them that holds the key decides; when the value it holds is empty there is no value,
 * whatever lower layers say. Each file in the question is read, so a file that does not parse is
 * reported even when a higher layer holds the key. The three named queries are the three meanings
 * settings have for the reference client: {@link #value(String)} (everything counts),
 * {@link #fileValue(String)} (only what is stored in files) and {@link #levelValue} (one file).
 *
 * <p>A key whose last part is {@code token}, {@code password} or {@code secret}, or ends in
 * {@code _token}, {@code _password} or {@code _secret}, holds a secret: {@code datachain config list}
 * masks its value unless asked with {@code --show-secrets}. Name a plugin's secrets that way; there is
 * nothing to register.
 */
public interface Settings {

    /**
     * The value of {@code key} among {@code layers} alone, with its origin. The other named queries
     * are this one with a fixed set of layers; ask it directly for a combination they do not cover
     * (say, the environment and system properties over one level's file).
     *
     * @param key the dotted key, e.g. {@code studio.url}
     * @param layers the layers that count; the others are not read
     * @return the value, or empty when no layer among {@code layers} holds the key or the deciding
     *     one holds an empty value
     * @throws ai.datachain.toolkit.api.CommandException when a file among {@code layers} cannot be
     *     read or parsed; the message names the file
     */
    Optional<SettingValue> value(String key, Set<Layer> layers);

    /**
     * The value in effect: every layer counts, system properties over the environment over the
     * local, global and system files over the image defaults. What {@code config get KEY} prints
     * and what {@link ai.datachain.toolkit.api.Invocation#config()} answers for a text value.
     *
     * @param key the dotted key, e.g. {@code studio.url}
     * @return the value, or empty when no layer holds the key or the deciding one holds an empty value
     * @throws ai.datachain.toolkit.api.CommandException when a file cannot be read or parsed
     */
    default Optional<SettingValue> value(String key) {
        return value(key, Layer.ALL);
    }

    /**
     * The value the configuration files hold, merged (local over global over system over the image
     * defaults), with the environment and system properties left out: what a login could replace,
     * e.g. for the "already logged in" check.
     *
     * @param key the dotted key, e.g. {@code studio.token}
     * @return the value, or empty when no file holds the key or the deciding one holds an empty value
     * @throws ai.datachain.toolkit.api.CommandException when a file cannot be read or parsed
     */
    default Optional<SettingValue> fileValue(String key) {
        return value(key, Layer.FILES);
    }

    /**
     * The value in one level's file alone, e.g. for {@code config get --global KEY} or the token
     * {@code auth logout} revokes.
     *
     * @param level whose file to read
     * @param key the dotted key, e.g. {@code studio.token}
     * @return the value, or empty when the file does not exist, does not hold the key or holds an
     *     empty value
     * @throws ai.datachain.toolkit.api.CommandException when the file cannot be read or parsed
     */
    default Optional<SettingValue> levelValue(ConfigLevel level, String key) {
        return value(key, Set.of(Layer.of(level)));
    }

    /**
     * Where a level's file is, as {@link ConfigLevel} describes, with this invocation's
     * environment. Reads nothing.
     *
     * @param level the level
     * @return the file's path, whether or not it exists
     */
    Path location(ConfigLevel level);

    /**
     * The current content of one level's file alone, not merged with any other, as a document to
     * walk (all keys, arrays as lists); empty when the file does not exist. For single values,
     * {@link #levelValue} says the same with the common rule for empty values.
     *
     * @param level whose file to read
     * @return the file's content, read now; not a live view
     * @throws ai.datachain.toolkit.api.CommandException when the file cannot be read or parsed
     */
    ImmutableHierarchicalConfiguration read(ConfigLevel level);

    /**
     * Changes one level's file: locks it against other {@code datachain} processes, loads it,
     * applies the change, writes a temporary file beside it, syncs it and renames it into place
     * (mode 0600, new directories 0700). A file that does not parse is never overwritten. Every
     * query of this invocation, and its {@link ai.datachain.toolkit.api.Invocation#config()},
     * reflects the change afterwards. When the change leaves the file's bytes as they were,
     * nothing is written. When it throws, nothing is written either and the exception reaches the
     * caller.
     *
     * @param level whose file to change: {@link ConfigLevel#SYSTEM}, {@link ConfigLevel#GLOBAL} or
     *     {@link ConfigLevel#LOCAL}
     * @param change the edit, applied to the file's current content (an empty document when the
     *     file does not exist yet)
     * @return the file
     * @throws ai.datachain.toolkit.api.CommandException when the file cannot be read, parsed or
     *     written, or {@code level} is {@link ConfigLevel#DEFAULTS} (read-only)
     */
    Path edit(ConfigLevel level, SettingsChange change);
}
