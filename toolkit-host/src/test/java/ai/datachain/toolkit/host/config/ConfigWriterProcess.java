package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Settings;
import ai.datachain.toolkit.host.SystemEnvironment;
import ai.datachain.toolkit.toml.TomlFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A separate process that edits one global config file, for the tests that need other processes
 * (file locking) or a writer to kill (crash safety). Arguments: the global config directory, then
 * {@code keys NAME COUNT} (set COUNT keys of its own plus {@code shared.last}) or {@code toggle}
 * (flip {@code studio.token} between two large values until killed, saying "ready" after the first).
 */
public final class ConfigWriterProcess {

    static final String FIRST_TOKEN = "a".repeat(300_000);
    static final String SECOND_TOKEN = "b".repeat(200_000);

    private ConfigWriterProcess() {}

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        SystemEnvironment environment = new SystemEnvironment(Map.of("DATACHAIN_GLOBAL_CONFIG_DIR",
                directory.toString()), directory, directory);
        Settings settings = ConfigurationLayers.load(environment, directory, List.of(new TomlFormat())).settings();
        if (args[1].equals("keys")) {
            String name = args[2];
            int count = Integer.parseInt(args[3]);
            for (int i = 0; i < count; i++) {
                String key = "writers." + name + "_" + i;
                settings.edit(ConfigLevel.GLOBAL, doc -> {
                    doc.setProperty(key, "done");
                    doc.setProperty("shared.last", name);
                });
            }
            return;
        }
        for (long round = 0;; round++) {
            String token = round % 2 == 0 ? FIRST_TOKEN : SECOND_TOKEN;
            settings.edit(ConfigLevel.GLOBAL, doc -> doc.setProperty("studio.token", token));
            if (round == 0) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }
}
