package ai.datachain.toolkit.api.config;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;

/** An edit of one configuration document, applied under the file's lock. */
@FunctionalInterface
public interface SettingsChange {

    void apply(HierarchicalConfiguration<ImmutableNode> document);
}
