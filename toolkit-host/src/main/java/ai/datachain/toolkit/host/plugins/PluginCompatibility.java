package ai.datachain.toolkit.host.plugins;

import java.util.Optional;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/**
 * Whether a plugin's {@code requires} range admits this host. Reads the range the way PF4J does
 * (a bare {@code 1.2.0} means {@code >=1.2.0}; empty or {@code *} means any), so what
 * {@code plugins install} accepts is exactly what the host then loads.
 */
public final class PluginCompatibility {

    private static final VersionManager VERSIONS = new DefaultVersionManager();

    private PluginCompatibility() {}

    /** Why a plugin that {@code requires} this range cannot run on {@code hostVersion}, if it cannot. */
    public static Optional<String> problem(String requires, String hostVersion) {
        String range = requires == null ? "" : requires.trim();
        if (range.isEmpty() || range.equals("*")) {
            return Optional.empty();
        }
        String expression = range.matches("\\d+\\.\\d+\\.\\d+") ? ">=" + range : range;
        boolean satisfied;
        try {
            satisfied = VERSIONS.checkVersionConstraint(hostVersion, expression);
        } catch (RuntimeException e) {
            return Optional.of("its requires '" + range + "' is not a version range such as '>=0.1.0 & <1.0.0'");
        }
        return satisfied ? Optional.empty() : Optional.of("requires datachain " + range + ", this is " + hostVersion);
    }
}
