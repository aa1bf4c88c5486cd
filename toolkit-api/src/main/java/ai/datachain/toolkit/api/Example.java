package ai.datachain.toolkit.api;

/**
 * A worked example for help output.
 *
 * @param commandLine what the user types, starting with {@code datachain}
 * @param explanation what it does, in one line
 */
public record Example(String commandLine, String explanation) {}
