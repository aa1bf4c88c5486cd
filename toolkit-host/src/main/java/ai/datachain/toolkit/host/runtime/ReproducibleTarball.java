package ai.datachain.toolkit.host.runtime;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a directory tree as a {@code .tar.gz} whose bytes depend only on the tree's names,
 * contents, links and executable bits: entries sorted by name, one fixed time, owner root, mode
 * 0755 (directories, executables) or 0644, and a gzip header without time or name.
 *
 * <p>Written here because the JDK has no tar writer and the library one (Commons Compress) would
 * add about a megabyte to an image whose tarball has little more than that left under its 28 MB
 * budget (docs/performance.md). The format is POSIX ustar; a path too long for ustar's name and prefix
 * fields gets a pax extended header, which every tar of this century reads.
 */
final class ReproducibleTarball {

    private static final int BLOCK = 512;
    private static final long MAX_SIZE = 077777777777L; // 11 octal digits: ustar's limit, 8 GiB

    private final OutputStream out;
    private final long time;

    private ReproducibleTarball(OutputStream out, long time) {
        this.out = out;
        this.time = time;
    }

    /**
     * Writes every file under {@code tree} into {@code target}, below one directory {@code root}.
     *
     * @param time modification time of every entry, in seconds since the epoch
     */
    static void write(Path tree, String root, long time, Path target) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            walk.filter(path -> !path.equals(tree))
                    .forEach(path -> names.add(tree.relativize(path).toString().replace('\\', '/')));
        }
        names.sort(null);
        try (OutputStream file = Files.newOutputStream(target);
                GZIPOutputStream gzip = new BestGzip(new BufferedOutputStream(file, 1 << 16))) {
            ReproducibleTarball tar = new ReproducibleTarball(gzip, time);
            tar.directory(root + "/");
            for (String name : names) {
                tar.entry(tree.resolve(name), root + "/" + name);
            }
            gzip.write(new byte[2 * BLOCK]); // end of archive: two zero blocks
        }
    }

    private void entry(Path path, String name) throws IOException {
        if (Files.isSymbolicLink(path)) {
            String link = Files.readSymbolicLink(path).toString();
            header(name, 0777, 0, '2', link);
        } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            directory(name + "/");
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            long size = Files.size(path);
            if (size > MAX_SIZE) {
                throw new IOException(path + " is larger than a tar entry can hold");
            }
            boolean executable = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)
                    .contains(PosixFilePermission.OWNER_EXECUTE);
            header(name, executable ? 0755 : 0644, size, '0', "");
            try (InputStream in = Files.newInputStream(path)) {
                long copied = in.transferTo(out);
                if (copied != size) {
                    throw new IOException(path + " changed while it was archived");
                }
            }
            pad(size);
        } else {
            throw new IOException(path + " is neither a file, a directory nor a link");
        }
    }

    private void directory(String name) throws IOException {
        header(name, 0755, 0, '5', "");
    }

    private void header(String name, int mode, long size, char type, String link) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
        int split = split(nameBytes);
        if (split < 0 || linkBytes.length > 100) {
            extended(name, split < 0 ? name : null, linkBytes.length > 100 ? link : null);
        }
        byte[] header = new byte[BLOCK];
        if (split == 0) {
            put(header, 0, 100, nameBytes);
        } else if (split > 0) {
            put(header, 0, 100, Arrays.copyOfRange(nameBytes, split + 1, nameBytes.length));
            put(header, 345, 155, Arrays.copyOfRange(nameBytes, 0, split));
        } else {
            put(header, 0, 100, truncated(nameBytes, 100));
        }
        octal(header, 100, 8, mode);
        octal(header, 108, 8, 0); // uid
        octal(header, 116, 8, 0); // gid
        octal(header, 124, 12, size);
        octal(header, 136, 12, time);
        header[156] = (byte) type;
        put(header, 157, 100, truncated(linkBytes, 100));
        put(header, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(header, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        put(header, 265, 32, "root".getBytes(StandardCharsets.US_ASCII));
        put(header, 297, 32, "root".getBytes(StandardCharsets.US_ASCII));
        octal(header, 329, 8, 0); // device major
        octal(header, 337, 8, 0); // device minor
        Arrays.fill(header, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        octal(header, 148, 7, sum); // six digits and a NUL, then the space already there
        out.write(header);
    }

    /** A pax header ({@code x}) that carries what the ustar fields cannot hold. */
    private void extended(String name, String path, String linkPath) throws IOException {
        StringBuilder records = new StringBuilder();
        if (path != null) {
            records.append(record("path", path));
        }
        if (linkPath != null) {
            records.append(record("linkpath", linkPath));
        }
        byte[] body = records.toString().getBytes(StandardCharsets.UTF_8);
        String base = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        base = base.substring(base.lastIndexOf('/') + 1);
        header("PaxHeaders/" + new String(truncated(base.getBytes(StandardCharsets.UTF_8), 80),
                StandardCharsets.UTF_8), 0644, body.length, 'x', "");
        out.write(body);
        pad(body.length);
    }

    /** {@code LENGTH KEY=VALUE\n}, where LENGTH counts the whole record, itself included. */
    private static String record(String key, String value) {
        int rest = 1 + key.length() + 1 + value.getBytes(StandardCharsets.UTF_8).length + 1;
        int length = rest + String.valueOf(rest).length();
        if (String.valueOf(length).length() != String.valueOf(rest).length()) {
            length++;
        }
        return length + " " + key + "=" + value + "\n";
    }

    /**
     * Where to cut a name into ustar's prefix (155 bytes) and name (100 bytes): 0 when it fits in
     * the name alone, the index of the separating slash, or -1 when no cut fits.
     */
    private static int split(byte[] name) {
        if (name.length <= 100) {
            return 0;
        }
        for (int i = Math.min(name.length - 1, 155); i > 0; i--) {
            if (name[i] == '/' && name.length - i - 1 <= 100 && name.length - i - 1 > 0) {
                return i;
            }
        }
        return -1;
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    private static byte[] truncated(byte[] bytes, int length) {
        return bytes.length <= length ? bytes : Arrays.copyOf(bytes, length);
    }

    private static void put(byte[] header, int offset, int length, byte[] value) {
        System.arraycopy(value, 0, header, offset, Math.min(length, value.length));
    }

    /** Zero-padded octal digits, then a NUL, filling {@code length} bytes. */
    private static void octal(byte[] header, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        String padded = "0".repeat(length - 1 - digits.length()) + digits;
        put(header, offset, length - 1, padded.getBytes(StandardCharsets.US_ASCII));
        header[offset + length - 1] = 0;
    }

    /**
     * gzip at its best level: the image is mostly compressed already, and the level decides
     * whether the tarball stays under budget. The JDK writes the header without a time or a name.
     */
    private static final class BestGzip extends GZIPOutputStream {
        BestGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
