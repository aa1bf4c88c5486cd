package ai.datachain.toolkit.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Describes an intermediate word of the command tree, such as {@code auth}, so that help can say
 * what the group is for. Groups without a description are still listed, with no summary.
 */
public interface CommandGroup extends ExtensionPoint {

    /** Words that name the group, e.g. {@code ["auth"]}. */
    List<String> path();

    /** One line for command lists. */
    String summary();
}
