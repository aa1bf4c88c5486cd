package ai.datachain.toolkit.host.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PropertiesPluginDescriptorFinder;

/**
 * PF4J's {@code plugin.properties} finder, with two differences. A jar's descriptor is read with
 * {@link ZipFile}: PF4J opens a zip file system for it, and the image leaves {@code jdk.zipfs}
 * out, so there PF4J would see no descriptor in a jar. A {@linkplain BuildDirectory build
 * directory}'s descriptor is read from its {@code classes/}.
 */
final class PluginPropertiesFinder extends PropertiesPluginDescriptorFinder {

    @Override
    protected Properties readProperties(Path pluginPath) {
        if (Files.isDirectory(pluginPath)) {
            if (!Files.exists(pluginPath.resolve(propertiesFileName)) && BuildDirectory.isPluginBuild(pluginPath)) {
                return super.readProperties(pluginPath.resolve(BuildDirectory.CLASSES));
            }
            return super.readProperties(pluginPath);
        }
        try (ZipFile archive = new ZipFile(pluginPath.toFile())) {
            ZipEntry entry = archive.getEntry(propertiesFileName);
            if (entry == null) {
                throw new PluginRuntimeException("Cannot find '{}' in '{}'", propertiesFileName, pluginPath);
            }
            Properties properties = new Properties();
            try (InputStream in = archive.getInputStream(entry)) {
                properties.load(in);
            }
            return properties;
        } catch (IOException e) {
            throw new PluginRuntimeException(e);
        }
    }
}
