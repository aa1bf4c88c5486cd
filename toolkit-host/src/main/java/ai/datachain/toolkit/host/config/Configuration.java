package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.config.Settings;
import org.eclipse.microprofile.config.Config;

/** The configuration of one invocation: the merged view and the way to change files. */
public interface Configuration {

    /** The merged view of every layer, rebuilt after each {@link Settings#edit}. */
    Config view();

    Settings settings();
}
