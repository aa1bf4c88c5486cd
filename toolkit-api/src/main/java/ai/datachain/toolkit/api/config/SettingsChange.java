package ai.datachain.toolkit.api.config;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * An edit of one configuration document, applied by {@link Settings#edit} under the file's lock.
 * The host writes the document back only after this returns; an exception leaves the file as it
 * was.
 */
@FunctionalInterface
public interface SettingsChange {

    /**
     * Changes the document: sets, adds or clears keys with the Commons Configuration methods
     * ({@code setProperty}, {@code clearProperty}, ...). The {@link ConfigFormat} keeps the rest of
     * the file (comments, order, other tables) as it was.
     *
     * @param document the file's content as just read under the lock, or an empty document when
     *     the file does not exist yet; valid only during this call
     */
    void apply(HierarchicalConfiguration<ImmutableNode> document);
}
