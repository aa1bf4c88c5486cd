package ai.datachain.toolkit.host.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;
import org.pf4j.AbstractExtensionFinder;
import org.pf4j.Extension;

/**
 * The {@code ordinal} of an extension class's {@link Extension} annotation, read from the class
 * file. Reflection would give the same number, but the first annotation it reads makes the JDK
 * generate proxy classes, a cost paid at every start-up. A class annotated only through another
 * annotation, or whose class file cannot be read, goes through reflection as PF4J does.
 *
 * <p>Measured: docs/performance.md, "Start-up tricks, re-measured", row {@code ExtensionOrdinal}.
 */
final class ExtensionOrdinal {

    private static final byte[] EXTENSION_DESCRIPTOR = ascii("L" + Extension.class.getName().replace('.', '/') + ";");
    private static final byte[] ANNOTATIONS_ATTRIBUTE = ascii("RuntimeVisibleAnnotations");
    private static final byte[] ORDINAL = ascii("ordinal");

    private ExtensionOrdinal() {}

    static int of(Class<?> extensionClass) {
        OptionalInt ordinal = fromClassFile(extensionClass);
        if (ordinal.isPresent()) {
            return ordinal.getAsInt();
        }
        Extension annotation = AbstractExtensionFinder.findExtensionAnnotation(extensionClass);
        return annotation != null ? annotation.ordinal() : 0;
    }

    /** The ordinal written in the class file; empty when it has no direct {@code @Extension} or is unreadable. */
    static OptionalInt fromClassFile(Class<?> extensionClass) {
        ClassLoader loader = extensionClass.getClassLoader();
        String resource = extensionClass.getName().replace('.', '/') + ".class";
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            return in == null ? OptionalInt.empty() : fromClassFile(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Walks the class file (JVMS §4) to its class attributes. Names are compared as bytes where
     * they are stored, without decoding the constant pool: class files name things in modified
     * UTF-8, which equals ASCII for the names looked for.
     */
    static OptionalInt fromClassFile(byte[] bytes) {
        try {
            return new Cursor(bytes).ordinal();
        } catch (IndexOutOfBoundsException e) {
            return OptionalInt.empty(); // a truncated or malformed file
        }
    }

    private static final class Cursor {
        private final byte[] bytes;
        private int at;
        /** For each constant: where its data starts (after the tag). */
        private int[] constants;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
        }

        OptionalInt ordinal() {
            if (u4() != 0xCAFEBABE) {
                return OptionalInt.empty();
            }
            at += 4; // minor and major version
            int count = u2();
            constants = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = u1();
                constants[i] = at;
                switch (tag) {
                    case 1 -> {
                        int length = u2At(at);
                        at += 2 + length;
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> at += 4;
                    case 5, 6 -> {
                        at += 8;
                        i++; // eight-byte constants take two entries
                    }
                    case 7, 8, 16, 19, 20 -> at += 2;
                    case 15 -> at += 3;
                    default -> {
                        return OptionalInt.empty(); // a constant this reader does not know
                    }
                }
            }
            at += 6; // access flags, this class, super class
            int interfaces = u2();
            at += 2 * interfaces;
            for (int kind = 0; kind < 2; kind++) { // fields, then methods
                int members = u2();
                for (int m = 0; m < members; m++) {
                    at += 6;
                    skipAttributes();
                }
            }
            int attributes = u2();
            for (int a = 0; a < attributes; a++) {
                boolean annotations = textIs(u2(), ANNOTATIONS_ATTRIBUTE);
                int length = u4();
                if (!annotations) {
                    at += length;
                    continue;
                }
                int annotationCount = u2();
                for (int n = 0; n < annotationCount; n++) {
                    boolean extension = textIs(u2(), EXTENSION_DESCRIPTOR);
                    int ordinal = 0;
                    int pairs = u2();
                    for (int p = 0; p < pairs; p++) {
                        int name = u2();
                        if (extension && textIs(name, ORDINAL)) {
                            if (u1() != 'I') {
                                return OptionalInt.empty(); // not an int constant: let reflection decide
                            }
                            ordinal = u4At(constants[u2()]);
                        } else {
                            skipElementValue();
                        }
                    }
                    if (extension) {
                        return OptionalInt.of(ordinal);
                    }
                }
            }
            return OptionalInt.empty();
        }

        private boolean textIs(int index, byte[] expected) {
            int start = constants[index];
            int length = u2At(start);
            return length == expected.length
                    && Arrays.equals(bytes, start + 2, start + 2 + length, expected, 0, expected.length);
        }

        private void skipAttributes() {
            int attributes = u2();
            for (int a = 0; a < attributes; a++) {
                at += 2;
                int length = u4();
                at += length;
            }
        }

        private void skipElementValue() {
            int tag = u1();
            switch (tag) {
                case 'e' -> at += 4;
                case '@' -> skipAnnotation();
                case '[' -> {
                    int values = u2();
                    for (int v = 0; v < values; v++) {
                        skipElementValue();
                    }
                }
                default -> at += 2; // a constant or a class
            }
        }

        private void skipAnnotation() {
            at += 2;
            int pairs = u2();
            for (int p = 0; p < pairs; p++) {
                at += 2;
                skipElementValue();
            }
        }

        private int u1() {
            return bytes[at++] & 0xFF;
        }

        private int u2() {
            int value = u2At(at);
            at += 2;
            return value;
        }

        private int u4() {
            int value = u4At(at);
            at += 4;
            return value;
        }

        private int u2At(int offset) {
            return (bytes[offset] & 0xFF) << 8 | bytes[offset + 1] & 0xFF;
        }

        private int u4At(int offset) {
            return u2At(offset) << 16 | u2At(offset + 2);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
