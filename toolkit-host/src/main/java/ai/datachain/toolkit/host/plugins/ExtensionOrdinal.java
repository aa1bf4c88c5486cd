package ai.datachain.toolkit.host.plugins;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalInt;
import org.pf4j.AbstractExtensionFinder;
import org.pf4j.Extension;

/**
 * The {@code ordinal} of an extension class's {@link Extension} annotation, read from the class
 * file. Reflection would give the same number, but the first annotation it reads makes the JDK
 * generate proxy classes, a cost paid at every start-up. A class annotated only through another
 * annotation, or whose class file cannot be read, goes through reflection as PF4J does.
 */
final class ExtensionOrdinal {

    private static final String EXTENSION_DESCRIPTOR = "L" + Extension.class.getName().replace('.', '/') + ";";
    private static final String ANNOTATIONS_ATTRIBUTE = "RuntimeVisibleAnnotations";

    private ExtensionOrdinal() {}

    static int of(Class<?> extensionClass) {
        return fromClassFile(extensionClass).orElseGet(() -> {
            Extension annotation = AbstractExtensionFinder.findExtensionAnnotation(extensionClass);
            return annotation != null ? annotation.ordinal() : 0;
        });
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

    static OptionalInt fromClassFile(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            return OptionalInt.empty();
        }
        in.skipBytes(4); // minor and major version
        int count = in.readUnsignedShort();
        String[] texts = new String[count];
        int[] integers = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts[i] = in.readUTF();
                case 3 -> integers[i] = in.readInt();
                case 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // eight-byte constants take two entries
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                default -> {
                    return OptionalInt.empty(); // a constant this reader does not know
                }
            }
        }
        in.skipBytes(6); // access flags, this class, super class
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces
        for (int member = 0; member < 2; member++) { // fields, then methods
            int members = in.readUnsignedShort();
            for (int m = 0; m < members; m++) {
                in.skipBytes(6);
                skipAttributes(in);
            }
        }
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String name = texts[in.readUnsignedShort()];
            int length = in.readInt();
            if (!ANNOTATIONS_ATTRIBUTE.equals(name)) {
                in.skipBytes(length);
                continue;
            }
            int annotations = in.readUnsignedShort();
            for (int n = 0; n < annotations; n++) {
                boolean extension = EXTENSION_DESCRIPTOR.equals(texts[in.readUnsignedShort()]);
                int ordinal = 0;
                int pairs = in.readUnsignedShort();
                for (int p = 0; p < pairs; p++) {
                    String element = texts[in.readUnsignedShort()];
                    if (extension && "ordinal".equals(element)) {
                        if (in.readUnsignedByte() != 'I') {
                            return OptionalInt.empty(); // not an int constant: let reflection decide
                        }
                        ordinal = integers[in.readUnsignedShort()];
                    } else {
                        skipElementValue(in);
                    }
                }
                if (extension) {
                    return OptionalInt.of(ordinal);
                }
            }
        }
        return OptionalInt.empty();
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }

    private static void skipElementValue(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'e' -> in.skipBytes(4);
            case '@' -> skipAnnotation(in);
            case '[' -> {
                int values = in.readUnsignedShort();
                for (int v = 0; v < values; v++) {
                    skipElementValue(in);
                }
            }
            default -> in.skipBytes(2); // a constant or a class
        }
    }

    private static void skipAnnotation(DataInputStream in) throws IOException {
        in.skipBytes(2);
        int pairs = in.readUnsignedShort();
        for (int p = 0; p < pairs; p++) {
            in.skipBytes(2);
            skipElementValue(in);
        }
    }
}
