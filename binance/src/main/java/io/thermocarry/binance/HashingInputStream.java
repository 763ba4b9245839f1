package io.thermocarry.binance;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes every byte read from the raw file (SHA-256, the identity of the file for idempotent ingest and
 * for {@code .CHECKSUM} verification) and keeps the last 64 KiB + 22 bytes, where a complete zip file
 * must hold its end-of-central-directory record: {@link java.util.zip.ZipInputStream} reads entries
 * front to back and does not notice a file cut off after its last entry.
 */
final class HashingInputStream extends FilterInputStream {
    private static final int TAIL = 65_535 + 22;
    private final MessageDigest digest;
    private final byte[] tail = new byte[TAIL];
    private long total;
    private boolean sourceFailed;

    HashingInputStream(InputStream in) {
        super(in);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            sourceFailed = true;
            throw e;
        }
        if (n > 0) {
            digest.update(b, off, n);
            keepTail(b, off, n);
            total += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must still be hashed.
        byte[] buf = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void keepTail(byte[] b, int off, int n) {
        long abs = total;
        if (n > TAIL) {
            off += n - TAIL;
            abs += n - TAIL;
            n = TAIL;
        }
        // Byte number a of the file lives at tail[a % TAIL].
        int at = (int) (abs % TAIL);
        int first = Math.min(n, TAIL - at);
        System.arraycopy(b, off, tail, at, first);
        if (first < n) {
            System.arraycopy(b, off + first, tail, 0, n - first);
        }
    }

    /** Reads and hashes whatever the parser left unread, so the hash covers the whole file. */
    void drain() throws IOException {
        byte[] buf = new byte[1 << 16];
        while (read(buf, 0, buf.length) >= 0) {
            // hashing happens in read
        }
    }

    /** True when reading the file itself (not decoding it) failed. */
    boolean sourceFailed() {
        return sourceFailed;
    }

    /** Hex SHA-256 of all bytes read; call once, after {@link #drain()}. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** True when the bytes read end with a zip end-of-central-directory record (and its comment). */
    boolean endsWithZipDirectory() {
        int len = (int) Math.min(total, TAIL);
        byte[] last = new byte[len];
        int start = (int) ((total - len) % TAIL);
        for (int i = 0; i < len; i++) {
            last[i] = tail[(start + i) % TAIL];
        }
        for (int p = len - 22; p >= 0; p--) {
            if (last[p] == 0x50 && last[p + 1] == 0x4b && last[p + 2] == 0x05 && last[p + 3] == 0x06) {
                int commentLen = (last[p + 20] & 0xff) | (last[p + 21] & 0xff) << 8;
                if (p + 22 + commentLen == len) {
                    return true;
                }
            }
        }
        return false;
    }
}
