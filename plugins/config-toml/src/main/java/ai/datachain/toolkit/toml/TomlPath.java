package ai.datachain.toolkit.toml;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value or table sits in a document: names from the root, each with the element index
 * when it goes through an array of tables ({@code [[name]]}), else {@link #NO_INDEX}.
 */
record TomlPath(List<Segment> segments) {

    static final int NO_INDEX = -1;
    static final TomlPath ROOT = new TomlPath(List.of());

    /** One step: a name, and the element index for arrays of tables. */
    record Segment(String name, int index) {}

    TomlPath {
        segments = List.copyOf(segments);
    }

    TomlPath child(String name) {
        return child(name, NO_INDEX);
    }

    TomlPath child(String name, int index) {
        List<Segment> longer = new ArrayList<>(segments);
        longer.add(new Segment(name, index));
        return new TomlPath(longer);
    }

    TomlPath childPath(List<String> names) {
        TomlPath path = this;
        for (String name : names) {
            path = path.child(name);
        }
        return path;
    }

    int size() {
        return segments.size();
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    TomlPath parent() {
        return new TomlPath(segments.subList(0, segments.size() - 1));
    }

    String lastName() {
        return segments.get(segments.size() - 1).name();
    }

    /** True when {@code other} equals this path or lies below it. */
    boolean contains(TomlPath other) {
        return other.segments.size() >= segments.size() && other.segments.subList(0, segments.size()).equals(segments);
    }

    /** The names of this path below {@code ancestor}. */
    List<String> namesBelow(TomlPath ancestor) {
        return segments.subList(ancestor.size(), segments.size()).stream().map(Segment::name).toList();
    }

    List<String> names() {
        return segments.stream().map(Segment::name).toList();
    }
}
