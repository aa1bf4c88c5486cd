package ai.datachain.toolkit.host.builtin;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandException;
import ai.datachain.toolkit.api.Example;
import ai.datachain.toolkit.api.Invocation;
import ai.datachain.toolkit.host.ToolkitVersion;
import ai.datachain.toolkit.host.config.ConfigFileReader;
import ai.datachain.toolkit.host.plugins.PluginCoordinates;
import ai.datachain.toolkit.host.plugins.PluginHost;
import ai.datachain.toolkit.host.plugins.PluginsByCoordinates;
import ai.datachain.toolkit.host.runtime.PluginSource;
import ai.datachain.toolkit.host.runtime.RuntimeBuild;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code datachain runtime create --output DIR}: a team runtime made from the image this runs on,
 * with nothing but that image (no JDK, no Maven).
 */
final class RuntimeCreateCommand implements Command {

    private static final String OUTPUT = "output";
    private static final String CONFIG = "config";
    private static final String PLUGIN = "plugin";
    private static final String NAME = "name";
    private static final String VERSION = "version";
    private static final String FORCE = "force";

    private final PluginHost plugins;
    private final Path imageHome;

    RuntimeCreateCommand(PluginHost plugins, Path imageHome) {
        this.plugins = plugins;
        this.imageHome = imageHome;
    }

    @Override
    public CommandDeclaration declaration() {
        return CommandDeclaration.of("runtime create",
                        "Make a runtime of your own from this one: your defaults, your plugins, your name.")
                .withDescription("Copy this datachain runtime into DIR with FILE as its image defaults (the lowest"
                        + " configuration layer, which every user setting overrides) and each plugin bundled (users"
                        + " can disable it, not remove it), retrain its class-data archive for those plugins, and write"
                        + " NAME-VERSION-linux-x64.tar.gz and its .sha256 beside DIR. A plugin given as"
                        + " GROUP:ARTIFACT[:VERSION] is downloaded as 'datachain plugins install' downloads it, from"
                        + " the plugins.repositories setting as this runtime reads it now (FILE is not in force yet)."
                        + " Each plugin is checked as 'datachain plugins install' checks it, the configuration file"
                        + " must parse, and nothing is written unless every check passes. A runtime made this way can"
                        + " be the base of another: it keeps the base's defaults and plugins, unless --config replaces"
                        + " the defaults.")
                .withExamples(new Example("datachain runtime create --output build/acme --config acme/config"
                        + " --plugin acme-tools-2.0.0.zip --name acme-datachain --version 2026.12",
                        "Write build/acme and build/acme-datachain-2026.12-linux-x64.tar.gz with its .sha256."),
                        new Example("datachain runtime create --output build/acme --plugin com.acme:acme-tools:2.0.0",
                                "Bundle a plugin release downloaded from the plugins.repositories setting."));
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("o").longOpt(OUTPUT).hasArg().argName("DIR")
                        .desc("Directory of the new runtime (required); it must not exist or be empty.").get())
                .addOption(Option.builder().longOpt(CONFIG).hasArg().argName("FILE")
                        .desc("Configuration file (TOML) that becomes the runtime's image defaults.").get())
                .addOption(Option.builder().longOpt(PLUGIN).hasArg().argName("PATH|GROUP:ARTIFACT[:VERSION]")
                        .desc("Plugin to bundle: an archive (.zip or .jar), or Maven coordinates downloaded as"
                                + " 'datachain plugins install' downloads them; repeat for more.").get())
                .addOption(Option.builder().longOpt(NAME).hasArg().argName("NAME")
                        .desc("Name of the runtime, e.g. acme-datachain (default: this runtime's name).").get())
                .addOption(Option.builder().longOpt(VERSION).hasArg().argName("VERSION")
                        .desc("Version of the runtime, e.g. 2026.12 (default: this runtime's version).").get())
                .addOption(Option.builder("f").longOpt(FORCE)
                        .desc("Replace a runtime already in DIR and its tarball.").get());
    }

    @Override
    public int run(Invocation invocation) throws CommandException {
        CommandLine line = invocation.commandLine();
        if (!line.hasOption(OUTPUT)) {
            throw CommandException.usage("--output DIR is required");
        }
        Path here = invocation.environment().workingDirectory();
        RuntimeBuild.Request request = new RuntimeBuild.Request(here.resolve(line.getOptionValue(OUTPUT)),
                Optional.ofNullable(line.getOptionValue(CONFIG)).map(value -> here.resolve(value).normalize()),
                pluginSources(line, here, invocation), Optional.ofNullable(line.getOptionValue(NAME)),
                Optional.ofNullable(line.getOptionValue(VERSION)), line.hasOption(FORCE));
        RuntimeBuild build = new RuntimeBuild(imageHome, invocation.toolkitVersion(), ToolkitVersion.releasedAt(),
                new ConfigFileReader(plugins.configFormats()), invocation.environment().variable("PATH").orElse(null));
        RuntimeBuild.Result result = build.build(request, step -> {
            if (invocation.console().verbosity() >= 0) {
                invocation.console().err().println(step + "...");
            }
        });
        invocation.console().out().println("Created " + result.release().describe(invocation.toolkitVersion())
                + " in " + result.image());
        invocation.console().out().println("Tarball: " + result.tarball());
        invocation.console().out().println("SHA-256: " + result.checksum());
        return 0;
    }

    /**
     * Each {@code --plugin}: a file, else coordinates resolved as {@code plugins install} resolves
     * them, from the repositories this invocation's configuration names (the base runtime's
     * defaults and the user's settings; never the new runtime's {@code --config}, which is not in
     * force yet).
     */
    private List<PluginSource> pluginSources(CommandLine line, Path here, Invocation invocation) {
        List<PluginSource> sources = new ArrayList<>();
        PluginsByCoordinates repositories = null;
        for (String value : Optional.ofNullable(line.getOptionValues(PLUGIN)).orElse(new String[0])) {
            Path file = here.resolve(value).normalize();
            Optional<PluginCoordinates> coordinates = PluginCoordinates.unlessFile(value, file);
            if (coordinates.isEmpty()) {
                sources.add(PluginSource.file(file));
                continue;
            }
            if (repositories == null) {
                repositories = PluginRepositories.open(invocation, imageHome);
            }
            sources.add(PluginSource.download(coordinates.get(), repositories));
        }
        return sources;
    }
}
