package io.thermocarry.binance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the binary bad-input fixtures (gzip, zip, .CHECKSUM) from the text fixtures in
 * {@code src/test/resources/fixtures}, into a test's temporary folder, under names that say their fault.
 * Generated rather than committed so that what each byte-level fault is stays readable here.
 */
final class ArchiveFixtures {
    private ArchiveFixtures() {
    }

    /** A text fixture's path. */
    static Path text(String name) {
        try {
            return Path.of(ArchiveFixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    static byte[] bytes(String fixture) {
        try (InputStream in = Files.newInputStream(text(fixture))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** A zip with the given entries (name, content pairs), fixed timestamps. */
    static byte[] zip(Object... nameContent) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < nameContent.length; i += 2) {
                ZipEntry e = new ZipEntry((String) nameContent[i]);
                e.setTime(1_704_067_200_000L);
                z.putNextEntry(e);
                z.write((byte[]) nameContent[i + 1]);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, data);
    }

    /** Writes {@code <file>.CHECKSUM} as Binance publishes it: {@code <sha256>  <name>}. */
    static Path checksum(Path file, String sha) throws IOException {
        return Files.writeString(file.resolveSibling(file.getFileName() + ".CHECKSUM"),
                sha + "  " + file.getFileName() + "\n", StandardCharsets.US_ASCII);
    }

    /** {@code klines-truncated.csv.gz}: the gzip of klines-header.csv cut at 60 % (mid-deflate). */
    static Path truncatedGzip(Path dir) throws IOException {
        byte[] gz = gzip(bytes("klines-header.csv"));
        return write(dir.resolve("klines-truncated.csv.gz"), Arrays.copyOf(gz, gz.length * 6 / 10));
    }

    /** {@code klines-truncated.zip}: a Binance-style zip cut in the middle of its entry's data. */
    static Path truncatedZipMidEntry(Path dir) throws IOException {
        byte[] z = zip("BTCUSDT-1h-2024-01.csv", bytes("klines-header.csv"));
        return write(dir.resolve("klines-truncated.zip"), Arrays.copyOf(z, z.length / 2));
    }

    /** {@code klines-truncated-directory.zip}: entry complete, central directory cut off. */
    static Path truncatedZipDirectory(Path dir) throws IOException {
        byte[] z = zip("BTCUSDT-1h-2024-01.csv", bytes("klines-header.csv"));
        return write(dir.resolve("klines-truncated-directory.zip"), Arrays.copyOf(z, z.length - 30));
    }

    /** {@code checksum-mismatch.zip} with a {@code .CHECKSUM} whose hash is of other bytes. */
    static Path checksumMismatch(Path dir) throws IOException {
        Path zip = write(dir.resolve("checksum-mismatch.zip"), zip("BTCUSDT-1h-2024-01.csv", bytes("klines-header.csv")));
        checksum(zip, sha256(bytes("klines-no-header.csv")));
        return zip;
    }

    /** {@code zip-slip.zip}: its entry {@code ../../evil.csv} would land outside the target folder. */
    static Path zipSlip(Path dir) throws IOException {
        return write(dir.resolve("zip-slip.zip"), zip("../../evil.csv", bytes("klines-header.csv")));
    }

    /**
     * A good archive file where data.binance.vision puts it,
     * {@code futures/um/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2024-01.zip}, with a correct {@code .CHECKSUM}.
     */
    static Path goodArchive(Path dir) throws IOException {
        byte[] z = zip("BTCUSDT-1h-2024-01.csv", bytes("klines-no-header.csv"));
        Path zip = write(dir.resolve("data/futures/um/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2024-01.zip"), z);
        checksum(zip, sha256(z));
        return zip;
    }
}
