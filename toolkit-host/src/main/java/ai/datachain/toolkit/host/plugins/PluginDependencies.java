package ai.datachain.toolkit.host.plugins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.VersionManager;

/**
 * Which plugins cannot be resolved because of their {@code plugin.dependencies}: a required plugin
 * that is missing, disabled, of a version outside the range asked for, itself unresolvable, or a
 * cycle. PF4J's own resolver throws on the first such plugin and so takes every other plugin down;
 * this finds all of them, with a reason each, so they alone are skipped. Optional dependencies
 * ({@code id?}) never make a plugin unresolvable.
 */
final class PluginDependencies {

    private PluginDependencies() {}

    /**
     * Plugin id to why it cannot be resolved, for every such plugin of {@code plugins}.
     *
     * @param disabled ids switched off by the user: a plugin that requires one is skipped too
     */
    static Map<String, String> unresolvable(Map<String, PluginDescriptor> plugins, Set<String> disabled,
            VersionManager versions) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String id : plugins.keySet()) {
            cycle(id, plugins, new ArrayList<>()).ifPresent(cycle -> reasons.put(id,
                    "its dependencies form a cycle: " + String.join(" -> ", cycle)));
        }
        boolean changed = true;
        while (changed) { // a plugin that needs a skipped one is skipped too, however deep
            changed = false;
            for (PluginDescriptor plugin : plugins.values()) {
                if (reasons.containsKey(plugin.getPluginId())) {
                    continue;
                }
                Optional<String> reason = reason(plugin, plugins, disabled, reasons, versions);
                if (reason.isPresent()) {
                    reasons.put(plugin.getPluginId(), reason.get());
                    changed = true;
                }
            }
        }
        return reasons;
    }

    private static Optional<String> reason(PluginDescriptor plugin, Map<String, PluginDescriptor> plugins,
            Set<String> disabled, Map<String, String> skipped, VersionManager versions) {
        for (PluginDependency dependency : plugin.getDependencies()) {
            if (dependency.isOptional()) {
                continue;
            }
            String id = dependency.getPluginId();
            PluginDescriptor present = plugins.get(id);
            String range = dependency.getPluginVersionSupport();
            String wanted = "plugin " + id + (range == null || range.equals("*") ? "" : " " + range);
            if (present == null) {
                return Optional.of("it needs " + wanted + ", which is not installed");
            }
            if (disabled.contains(id)) {
                return Optional.of("it needs " + wanted + ", which is disabled");
            }
            if (skipped.containsKey(id)) {
                return Optional.of("it needs " + wanted + ", which is skipped");
            }
            boolean matches;
            try {
                matches = range == null || range.equals("*")
                        || versions.checkVersionConstraint(present.getVersion(), range);
            } catch (RuntimeException e) {
                return Optional.of("its dependency on " + id + " names no version range ('" + range + "')");
            }
            if (!matches) {
                return Optional.of("it needs " + wanted + ", but " + id + " " + present.getVersion()
                        + " is installed");
            }
        }
        return Optional.empty();
    }

    /** The cycle through {@code start}, as ids from {@code start} back to it, if its required dependencies form one. */
    private static Optional<List<String>> cycle(String start, Map<String, PluginDescriptor> plugins, List<String> path) {
        String current = path.isEmpty() ? start : path.get(path.size() - 1);
        if (path.isEmpty()) {
            path.add(start);
        }
        PluginDescriptor descriptor = plugins.get(current);
        if (descriptor == null) {
            return Optional.empty();
        }
        for (PluginDependency dependency : descriptor.getDependencies()) {
            String next = dependency.getPluginId();
            if (dependency.isOptional()) {
                continue;
            }
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return Optional.of(cycle);
            }
            if (!path.contains(next)) {
                path.add(next);
                Optional<List<String>> found = cycle(start, plugins, path);
                if (found.isPresent()) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return Optional.empty();
    }
}
