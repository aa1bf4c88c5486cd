package ai.datachain.toolkit.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.pf4j.AbstractExtensionFinder;
import org.pf4j.Extension;

/** The ordinal read from a class file is the one reflection reads from the annotation. */
class ExtensionOrdinalTest {

    @Retention(RetentionPolicy.RUNTIME)
    @interface Marker {
        String[] names() default {};

        Retention nested() default @Retention(RetentionPolicy.CLASS);

        RetentionPolicy policy() default RetentionPolicy.SOURCE;

        Class<?> type() default Object.class;
    }

    @Extension
    static final class Plain {}

    @Deprecated
    @Marker(names = {"a", "b"}, nested = @Retention(RetentionPolicy.RUNTIME), policy = RetentionPolicy.RUNTIME,
            type = String.class)
    @Extension(ordinal = -7, points = ai.datachain.toolkit.api.Command.class, plugins = "other")
    static final class Ordered {
        static final long BIG = 1L << 40;
        static final double HALF = 0.5;
        static final int SMALL = 70000;

        @Deprecated
        long big() {
            return BIG + SMALL + (long) HALF;
        }
    }

    @Extension(ordinal = 123456)
    static final class Large implements Runnable {
        @Override
        public void run() {
            Runnable lambda = () -> {};
            lambda.run();
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Extension(ordinal = 5)
    @interface Indirect {}

    @Indirect
    static final class MetaAnnotated {}

    static final class NotAnnotated {}

    @Test
    void readsTheOrdinalReflectionReads() {
        for (Class<?> type : List.of(Plain.class, Ordered.class, Large.class)) {
            int reflected = AbstractExtensionFinder.findExtensionAnnotation(type).ordinal();
            assertThat(ExtensionOrdinal.fromClassFile(type)).as(type.getSimpleName()).hasValue(reflected);
            assertThat(ExtensionOrdinal.of(type)).isEqualTo(reflected);
        }
        assertThat(ExtensionOrdinal.of(Ordered.class)).isEqualTo(-7);
        assertThat(ExtensionOrdinal.of(Large.class)).isEqualTo(123456);
    }

    @Test
    void leavesAnAnnotationThroughAnotherToReflection() {
        assertThat(ExtensionOrdinal.fromClassFile(MetaAnnotated.class)).isEmpty();
        assertThat(ExtensionOrdinal.of(MetaAnnotated.class)).isEqualTo(5);
        assertThat(ExtensionOrdinal.of(NotAnnotated.class)).isZero();
    }

    @Test
    void aFileThatIsNoClassHasNoOrdinal() {
        assertThat(ExtensionOrdinal.fromClassFile(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 0, 0})).isEqualTo(OptionalInt.empty());
        assertThat(ExtensionOrdinal.fromClassFile(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0}))
                .isEqualTo(OptionalInt.empty());
    }
}
