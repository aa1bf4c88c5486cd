package ai.datachain.toolkit.host.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.datachain.toolkit.api.Command;
import ai.datachain.toolkit.api.CommandDeclaration;
import ai.datachain.toolkit.api.Invocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeWalkTest {

    private record Leaf(String words) implements Command {
        @Override
        public CommandDeclaration declaration() {
            return CommandDeclaration.of(words, "Does " + words + ".");
        }

        @Override
        public int run(Invocation invocation) {
            return 0;
        }
    }

    private static CommandTree tree() {
        CommandTree tree = new CommandTree();
        for (String words : List.of("auth login", "auth status", "hello")) {
            Leaf leaf = new Leaf(words);
            tree.add(leaf, leaf.declaration(), "test");
        }
        return tree;
    }

    @Test
    void theWordsAfterTheCommandAreLeftForItsParser() throws UsageError {
        TreeWalk.Destination destination = TreeWalk.follow(tree(), List.of("auth", "login", "-v", "--team", "x"));

        assertThat(destination.node().path()).containsExactly("auth", "login");
        assertThat(destination.rest()).containsExactly("-v", "--team", "x");
        assertThat(destination.flags()).isEqualTo(CommonFlags.NONE);
    }

    @Test
    void commonFlagsAreAcceptedBetweenGroupWords() throws UsageError {
        TreeWalk.Destination destination = TreeWalk.follow(tree(), List.of("auth", "-vv", "--quiet", "status"));

        assertThat(destination.node().path()).containsExactly("auth", "status");
        assertThat(destination.flags()).isEqualTo(new CommonFlags(1, false));
        assertThat(destination.rest()).isEmpty();
    }

    @Test
    void wordsThatEndAtAGroupReachTheGroup() throws UsageError {
        TreeWalk.Destination destination = TreeWalk.follow(tree(), List.of("auth", "-h"));

        assertThat(destination.node().isLeaf()).isFalse();
        assertThat(destination.flags().help()).isTrue();
    }

    @Test
    void anyOtherFlagAtAGroupIsAUsageError() {
        assertThatThrownBy(() -> TreeWalk.follow(tree(), List.of("auth", "--team", "x", "login")))
                .isInstanceOf(UsageError.class).hasMessage("unknown option '--team' for 'datachain auth'");
        assertThatThrownBy(() -> TreeWalk.follow(tree(), List.of("auth", "-vx", "status")))
                .hasMessage("unknown option '-vx' for 'datachain auth'");
        assertThatThrownBy(() -> TreeWalk.follow(tree(), List.of("auth", "--", "status")))
                .hasMessage("unknown option '--' for 'datachain auth'");
    }

    @Test
    void anUnknownWordSuggestsTheClosestCommand() {
        assertThatThrownBy(() -> TreeWalk.follow(tree(), List.of("auth", "-v", "stauts")))
                .hasMessage("unknown command 'stauts' for 'datachain auth'. Did you mean 'status'?");
    }
}
