package ai.datachain.toolkit.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The raw entries of a {@code .tar.gz}, header block and content, to compare two tarballs byte by byte. */
final class TarEntries {

    /** One entry: its 512-byte header and its content (unpadded). */
    record Entry(String name, byte[] header, byte[] content) {}

    private TarEntries() {}

    static List<Entry> read(Path tarball) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball))) {
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || isZero(header)) {
                    return entries;
                }
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                byte[] content = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                String prefix = field(header, 345, 155);
                String name = (prefix.isEmpty() ? "" : prefix + "/") + field(header, 0, 100);
                entries.add(new Entry(name, header, content));
            }
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether two entries are the same: header and bytes, or with {@code contentMayDiffer} the
     * header but for the size and checksum fields (which follow the content).
     */
    static boolean same(Entry a, Entry b, boolean contentMayDiffer) {
        if (!contentMayDiffer) {
            return Arrays.equals(a.header(), b.header()) && Arrays.equals(a.content(), b.content());
        }
        return Arrays.equals(withoutSize(a.header()), withoutSize(b.header()));
    }

    private static byte[] withoutSize(byte[] header) {
        byte[] copy = header.clone();
        Arrays.fill(copy, 124, 136, (byte) 0);
        Arrays.fill(copy, 148, 156, (byte) 0);
        return copy;
    }

    static String describe(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entries.forEach(entry -> out.writeBytes((entry.name() + "\n").getBytes(StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8);
    }
}
