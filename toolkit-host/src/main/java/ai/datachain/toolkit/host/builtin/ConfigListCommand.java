package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.api.config.ConfigLevel;
import ai.datachain.toolkit.api.config.ValueOrigin;
import ai.datachain.toolkit.host.config.DocumentProperties;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.eclipse.microprofile.config.Config;

/** {@code datachain config list}: every setting in effect, or of one file, as {@code key=value} lines. */
final class ConfigListCommand implements Command {

    private static final String SHOW_ORIGIN = "show-origin";

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("config list", "List settings as key=value lines.")
                .withDescription("List settings as key=value lines. Without a level flag: every setting in effect,"
                        + " sorted by key, each with the value that wins (local over global over system over the"
                        + " image defaults, environment variables over all files). With a level flag: that file's"
                        + " settings in file order. --show-origin puts the layer and where the value comes from in"
                        + " front of each line, like 'git config --show-origin': file:PATH, env:VARIABLE or"
                        + " property:NAME, then a tab.")
                .withExamples(new Example("datachain config list", "Show every setting in effect."),
                        new Example("datachain config list --show-origin", "Show where each value in effect comes from."),
                        new Example("datachain config list --local", "Show what this project's configuration file sets."));
    }

    @Override
    public Options options() {
        return ConfigLevelOption.add(new Options(), "List only")
                .addOption(Option.builder().longOpt(SHOW_ORIGIN)
                        .desc("Show which layer and which file, variable or property each value comes from.").get());
    }

    @Override
    public int run(Invocation invocation) {
        boolean showOrigin = invocation.commandLine().hasOption(SHOW_ORIGIN);
        PrintStream out = invocation.console().out();
        Optional<ConfigLevel> level = ConfigLevelOption.chosen(invocation.commandLine());
        if (level.isPresent()) {
            String origin = level.get().name().toLowerCase(Locale.ROOT) + "\tfile:"
                    + invocation.settings().location(level.get()) + "\t";
            DocumentProperties.of(invocation.settings().read(level.get()))
                    .forEach((key, value) -> out.println((showOrigin ? origin : "") + key + "=" + value));
            return 0;
        }
        Config config = invocation.config();
        TreeSet<String> keys = new TreeSet<>();
        config.getPropertyNames().forEach(keys::add);
        for (String key : keys) {
            String value = config.getConfigValue(key).getValue();
            if (value == null) {
                continue;
            }
            String origin = showOrigin ? invocation.settings().origin(key).map(ConfigListCommand::origin).orElse("") : "";
            out.println(origin + key + "=" + value);
        }
        return 0;
    }

    private static String origin(ValueOrigin origin) {
        String where = switch (origin.layer()) {
            case "environment" -> "env:";
            case "system-properties" -> "property:";
            default -> "file:";
        };
        return origin.layer() + "\t" + where + origin.location() + "\t";
    }
}
