package ai.datachain.toolkit.host.config;

import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.Settings;
import ai.datachain.toolkit.host.SystemEnvironment;
import ai.datachain.toolkit.toml.TomlFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A separate process that edits one global config file, for the tests that need other processes
 * (file locking) or a writer to kill (crash safety). Arguments: the global config directory, then
 * {@code keys NAME COUNT} (set COUNT keys of its own plus {@code shared.last}) or {@code toggle}
 * (write {@code studio.token} once and say "ready", then, after a line on standard input, flip it
 * between two large values until killed).
 */
public final class ConfigWriterProcess {

    /**
     * Values large enough that writing and syncing the temporary file takes milliseconds, so a
     * kill from outside can land inside that window on purpose rather than by luck.
     */
    static final String FIRST_TOKEN = "a".repeat(1_000_000);
    static final String SECOND_TOKEN = "b".repeat(750_000);

    private ConfigWriterProcess() {}

    public static void main(String[] args) throws IOException {
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
                // Warmed up: the test starts the next writer now and lets this one go when it is watching.
                System.out.println("ready");
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
        }
    }
}
