package ai.datachain.toolkit.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.api.Argument;
import ai.datachain.toolkit.api.CommandDeclaration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedCommandTest {

    @TempDir
    Path dir;

    @Test
    void commandsAndGroupsRecordedInTheIndexReadBackAsTheyWereGiven() {
        CommandDeclaration declaration = CommandDeclaration.of("team sync", "Copy a dataset.")
                .withArguments(Argument.required("DATASET", "The dataset."), Argument.optional("NAME", "Its name."));
        Options options = new Options()
                .addOption(Option.builder("n").longOpt("dry-run").desc("Only show = what; would change.").get())
                .addOption(Option.builder().longOpt("team").hasArg().desc("The team.").get());
        Path file = dir.resolve("index");
        new CommandIndex("print", Map.of("team sync", "sync"), Map.of("sync", dir.resolve("sync.jar")), Set.of(),
                Map.of("team sync", RecordedCommand.of(declaration, options)), Map.of("team", "Work with teams."),
                List.of("a warning"),
                Map.of("other", "it needs plugin x, which is not installed")).write(file);

        CommandIndex read = CommandIndex.read(file).orElseThrow();
        RecordedCommand command = read.described().get("team sync");

        assertThat(command.summary()).isEqualTo("Copy a dataset.");
        assertThat(command.arguments()).isEqualTo(declaration.arguments());
        assertThat(command.options().getOptions()).extracting(Option::getOpt, Option::getLongOpt, Option::hasArg,
                Option::getDescription).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("n", "dry-run", false, "Only show = what; would change."),
                        org.assertj.core.groups.Tuple.tuple(null, "team", true, "The team."));
        assertThat(read.groups()).containsExactly(Map.entry("team", "Work with teams."));
        assertThat(read.warnings()).containsExactly("a warning");
        assertThat(read.skipped()).containsEntry("other", "it needs plugin x, which is not installed");
    }
}
