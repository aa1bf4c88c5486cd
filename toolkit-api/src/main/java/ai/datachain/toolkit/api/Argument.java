package ai.datachain.toolkit.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One positional argument of a command, as its {@link CommandDeclaration} lists it.
 *
 * <p>The host checks the words the user gave against the declared arguments before the command
 * runs: too few or too many is a usage error (exit 2) that names what was expected, so a running
 * command finds exactly the declared number of words in {@code commandLine().getArgList()}. The
 * host also renders the usage line ({@code KEY}, {@code [NAME]}, {@code WORD...}) and the help's
 * "Arguments" section from these, and completion scripts know how many words a command takes.
 *
 * @param name the placeholder shown in usage, e.g. {@code KEY}: letters, digits, {@code _} and
 *     {@code -}, starting with a letter
 * @param arity how many words the argument takes
 * @param help one sentence for the help's "Arguments" section
 */
public record Argument(String name, Arity arity, String help) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** How many words an argument takes. */
    public enum Arity {
        /** Exactly one word; usage shows {@code NAME}. */
        REQUIRED,
        /** No word or one; usage shows {@code [NAME]}. */
        OPTIONAL,
        /** One word or more; usage shows {@code NAME...}. */
        REPEATED,
        /** Any number of words, none included; usage shows {@code [NAME...]}. */
        ANY;

        /**
         * Whether the argument takes every remaining word.
         *
         * @return true for {@link #REPEATED} and {@link #ANY}
         */
        public boolean repeats() {
            return this == REPEATED || this == ANY;
        }

        /**
         * Whether the user may leave the argument out.
         *
         * @return true for {@link #OPTIONAL} and {@link #ANY}
         */
        public boolean mayBeAbsent() {
            return this == OPTIONAL || this == ANY;
        }
    }

    /**
     * Checks the components.
     *
     * @param name the placeholder shown in usage: letters, digits, {@code _} and {@code -},
     *     starting with a letter
     * @param arity how many words the argument takes
     * @param help one sentence for the help's "Arguments" section, not blank
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when the name is not a plain word or the help is blank
     */
    public Argument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arity, "arity");
        Objects.requireNonNull(help, "help");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("argument name '" + name + "' is not a plain word such as KEY");
        }
        if (help.isBlank()) {
            throw new IllegalArgumentException("argument " + name + " needs a help sentence");
        }
    }

    /**
     * An argument that must be given, exactly once.
     *
     * @param name the placeholder shown in usage, e.g. {@code KEY}
     * @param help one sentence for the help's "Arguments" section
     * @return the argument, with arity {@link Arity#REQUIRED}
     * @throws IllegalArgumentException when the name is not a plain word or the help is blank
     */
    public static Argument required(String name, String help) {
        return new Argument(name, Arity.REQUIRED, help);
    }

    /**
     * An argument that may be left out.
     *
     * @param name the placeholder shown in usage, e.g. {@code KEY}
     * @param help one sentence for the help's "Arguments" section
     * @return the argument, with arity {@link Arity#OPTIONAL}
     * @throws IllegalArgumentException when the name is not a plain word or the help is blank
     */
    public static Argument optional(String name, String help) {
        return new Argument(name, Arity.OPTIONAL, help);
    }

    /**
     * An argument given one or more times; it must be the last one declared.
     *
     * @param name the placeholder shown in usage, e.g. {@code KEY}
     * @param help one sentence for the help's "Arguments" section
     * @return the argument, with arity {@link Arity#REPEATED}
     * @throws IllegalArgumentException when the name is not a plain word or the help is blank
     */
    public static Argument repeated(String name, String help) {
        return new Argument(name, Arity.REPEATED, help);
    }

    /**
     * An argument given any number of times, none included; it must be the last one declared.
     *
     * @param name the placeholder shown in usage, e.g. {@code KEY}
     * @param help one sentence for the help's "Arguments" section
     * @return the argument, with arity {@link Arity#ANY}
     * @throws IllegalArgumentException when the name is not a plain word or the help is blank
     */
    public static Argument any(String name, String help) {
        return new Argument(name, Arity.ANY, help);
    }

    /**
     * How the usage line shows the argument.
     *
     * @return {@code NAME}, {@code [NAME]}, {@code NAME...} or {@code [NAME...]}, by arity
     */
    public String usage() {
        return switch (arity) {
            case REQUIRED -> name;
            case OPTIONAL -> "[" + name + "]";
            case REPEATED -> name + "...";
            case ANY -> "[" + name + "...]";
        };
    }
}
