package io.thermocarry.binance.download;

import io.thermocarry.core.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fetches files of Binance's bulk archive (data.binance.vision or a mirror) into a local folder laid out like the
 * archive, each zip with its {@code .CHECKSUM} beside it, so that {@code BinanceReader.read(Path)} verifies the
 * checksum again when it reads the file.
 *
 * <p>The zip's SHA-256 is compared with its {@code .CHECKSUM} before anything is written: a mismatch (a corrupt or
 * partial download) is fetched again, with back-off, up to {@link NetPolicy#maxAttempts()} times; if it persists the
 * file is {@link Refused} and nothing is written. A 404 is {@link Missing} — the archive has no such file (a month
 * before the listing, a period not yet published) — an answer, not a failure. A zip whose {@code .CHECKSUM} is not
 * published is kept unverified ({@link Fetched#verified()} false).
 *
 * <p>Files land through a temporary name and an atomic move, {@code .CHECKSUM} first: a run killed mid-download
 * leaves no zip that looks complete. A folder kept between runs is a cache: a zip already there whose checksum matches
 * is used without any request; one that does not match is deleted and fetched again.
 */
public final class ArchiveClient {
    /** Binance's bulk archive. */
    public static final URI DEFAULT_ARCHIVE_URL = URI.create("https://data.binance.vision");

    /** What happens to a file once it has been read. */
    public enum Retention {
        /** The folder is a cache kept between runs: files stay. */
        KEEP,
        /** The folder is scratch space: {@link #release} deletes each file. */
        DELETE_AFTER_USE
    }

    /** The outcome of one {@link #fetch}. */
    public sealed interface Result permits Fetched, Missing, Refused {
        /** The file asked for. */
        ArchiveFile file();

        /** The zip's URL. */
        String url();
    }

    /**
     * The zip is on disk.
     *
     * @param file the file
     * @param url its URL
     * @param zip where it is
     * @param fromCache true when no request was needed
     * @param verified true when its {@code .CHECKSUM} was published and matches
     */
    public record Fetched(ArchiveFile file, String url, Path zip, boolean fromCache, boolean verified)
            implements Result {
    }

    /**
     * The archive has no such file (HTTP 404).
     *
     * @param file the file
     * @param url its URL
     */
    public record Missing(ArchiveFile file, String url) implements Result {
    }

    /**
     * Every download of the file disagreed with its {@code .CHECKSUM}: nothing was stored.
     *
     * @param file the file
     * @param url its URL
     * @param reason the last mismatch
     */
    public record Refused(ArchiveFile file, String url, String reason) implements Result {
    }

    private final BinanceHttp http;
    private final String base;
    private final Path dir;
    private final Retention retention;

    /**
     * @param http the shared GET
     * @param archiveBase the archive's base URL (files are at {@code <base>/data/...})
     * @param dir the local folder files are written to
     * @param retention whether files stay in {@code dir} (a cache) or go once {@link #release released}
     */
    public ArchiveClient(BinanceHttp http, URI archiveBase, Path dir, Retention retention) {
        this.http = Checks.notNull(http, "http");
        String b = Checks.notNull(archiveBase, "archiveBase").toString();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        this.base = b;
        this.dir = Checks.notNull(dir, "dir");
        this.retention = Checks.notNull(retention, "retention");
    }

    /** The zip's URL. */
    public String url(ArchiveFile f) {
        return base + "/" + f.path();
    }

    /** Where the zip is (or would be) kept locally. */
    public Path localPath(ArchiveFile f) {
        return dir.resolve(f.path());
    }

    /**
     * Gets {@code f} (from the local folder when it is there and verifies), see the class comment.
     *
     * @throws BinanceNetException when the network gives up or the archive refuses otherwise than with a 404
     */
    public Result fetch(ArchiveFile f) {
        Checks.notNull(f, "f");
        String url = url(f);
        Path zip = localPath(f);
        Path cs = checksumPath(zip);
        if (Files.isRegularFile(zip) && Files.isRegularFile(cs)) {
            String expected = expectedSha(read(cs), f.fileName());
            if (expected != null && expected.equalsIgnoreCase(sha256(read(zip)))) {
                return new Fetched(f, url, zip, true, true);
            }
        }
        delete(zip);
        delete(cs);
        String subject = f.describe() + " archive file";
        int max = http.policy().maxAttempts();
        String mismatch = null;
        for (int attempt = 1; attempt <= max; attempt++) {
            BinanceHttp.Response z = http.get(URI.create(url), BinanceHttp.Host.ARCHIVE, 0, null,
                    BinanceHttp.Expect.FILE, subject);
            if (z.status() == 404) {
                return new Missing(f, url);
            }
            BinanceHttp.Response c = http.get(URI.create(url + ".CHECKSUM"), BinanceHttp.Host.ARCHIVE, 0, null,
                    BinanceHttp.Expect.FILE, subject);
            if (c.status() == 404) {
                write(zip, z.body());
                return new Fetched(f, url, zip, false, false);
            }
            String text = new String(c.body(), StandardCharsets.ISO_8859_1).trim();
            String expected = expectedSha(c.body(), f.fileName());
            String actual = sha256(z.body());
            if (expected != null && expected.equalsIgnoreCase(actual)) {
                write(cs, c.body());
                write(zip, z.body());
                return new Fetched(f, url, zip, false, true);
            }
            mismatch = expected == null
                    ? f.fileName() + ".CHECKSUM is not '<sha256>  " + f.fileName() + "': '"
                            + (text.length() > 100 ? text.substring(0, 100) + "…" : text) + "'"
                    : "checksum mismatch: " + f.fileName() + ".CHECKSUM says " + expected.toLowerCase()
                            + ", the downloaded file's SHA-256 is " + actual;
            if (attempt < max) {
                http.retryAfterBadContent(attempt, url);
            }
        }
        return new Refused(f, url, mismatch + " (" + max + " download" + (max == 1 ? "" : "s")
                + "; nothing stored: run again later, or report a corrupt archive file)");
    }

    /** Deletes a fetched file and its checksum unless the folder is a cache kept between runs. */
    public void release(Fetched f) {
        if (retention == Retention.DELETE_AFTER_USE) {
            delete(f.zip());
            delete(checksumPath(f.zip()));
        }
    }

    /** The SHA-256 a {@code .CHECKSUM} text names for {@code fileName}, or null when it is not such a text. */
    static String expectedSha(byte[] checksum, String fileName) {
        String text = new String(checksum, StandardCharsets.ISO_8859_1).trim();
        String[] parts = text.split("\\s+", 2);
        if (!parts[0].matches("[0-9a-fA-F]{64}")) {
            return null;
        }
        if (parts.length == 2) {
            String named = parts[1].trim();
            if (named.startsWith("*")) {
                named = named.substring(1);
            }
            if (!named.equals(fileName)) {
                return null;
            }
        }
        return parts[0];
    }

    private static Path checksumPath(Path zip) {
        return zip.resolveSibling(zip.getFileName() + ".CHECKSUM");
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path target, byte[] data) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try {
                Files.write(tmp, data);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
