package ai.datachain.toolkit.api.config;

import org.apache.commons.configuration2.FileBasedConfiguration;
import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * One configuration file's content: a hierarchical Commons Configuration that a
 * {@code FileHandler} can load and save. Typically a {@code BaseHierarchicalConfiguration}
 * subclass.
 */
public interface ConfigDocument extends FileBasedConfiguration, HierarchicalConfiguration<ImmutableNode> {}
