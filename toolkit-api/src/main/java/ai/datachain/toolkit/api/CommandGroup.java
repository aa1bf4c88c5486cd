package ai.datachain.toolkit.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Describes an intermediate word of the command tree, such as {@code auth}, so that help can say
 * what the group is for. A group exists as soon as a command's path runs through it; this only
 * gives it a summary. Groups without a description are still listed, with no summary. When
 * several describe the same group, the first wins: the built-in ones, then the plugins' in load
 * order. Implementations are PF4J extensions ({@code @Extension}), asked whenever the host builds
 * the command tree, so they must stay cheap.
 */
public interface CommandGroup extends ExtensionPoint {

    /**
     * The words that name the group.
     *
     * @return the words, e.g. {@code ["auth"]}
     */
    List<String> path();

    /**
     * What the group is for.
     *
     * @return one line for command lists
     */
    String summary();
}
