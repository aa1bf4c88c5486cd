package ai.datachain.toolkit.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.CommandGroup;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTreeTest {

    private record Leaf(String words) implements Command {
        @Override
        public CommandDeclaration declaration() {
            return CommandDeclaration.of(words, "does " + words);
        }

        @Override
        public int run(Invocation invocation) {
            return 0;
        }
    }

    private static void add(CommandTree tree, String words, String source) {
        Leaf leaf = new Leaf(words);
        tree.add(leaf, leaf.declaration(), source);
    }

    private record Group(List<String> path, String summary) implements CommandGroup {}

    @Test
    void commandsFormGroupsByTheirLeadingWords() {
        CommandTree tree = new CommandTree();
        add(tree, "auth login", "auth-login");
        add(tree, "auth logout", "auth-login");
        add(tree, "hello", "hello-plugin");
        tree.describe(new Group(List.of("auth"), "Studio login."));

        CommandTree.Node auth = tree.root().child("auth").orElseThrow();
        assertThat(auth.isLeaf()).isFalse();
        assertThat(auth.summary()).isEqualTo("Studio login.");
        assertThat(auth.children()).extracting(CommandTree.Node::name).containsExactly("login", "logout");
        assertThat(tree.leaves()).extracting(CommandTree.Node::path)
                .containsExactly(List.of("auth", "login"), List.of("auth", "logout"), List.of("hello"));
        assertThat(tree.leaves().get(2).source()).isEqualTo("hello-plugin");
        assertThat(tree.conflicts()).isEmpty();
    }

    @Test
    void theFirstCommandForAPathWinsAndTheClashIsReported() {
        CommandTree tree = new CommandTree();
        add(tree, "auth login", "auth-login");
        add(tree, "auth login", "impostor");
        add(tree, "auth", "other");

        assertThat(tree.leaves()).singleElement().extracting(CommandTree.Node::source).isEqualTo("auth-login");
        assertThat(tree.conflicts()).containsExactly(
                "command 'auth login' from impostor clashes with one from auth-login",
                "command 'auth' from other clashes with one from a command group");
    }

    @Test
    void theFirstGroupDescriptionWins() {
        CommandTree tree = new CommandTree();
        tree.describe(new Group(List.of("auth"), "first"));
        tree.describe(new Group(List.of("auth"), "second"));

        assertThat(tree.root().child("auth").orElseThrow().summary()).isEqualTo("first");
    }
}
