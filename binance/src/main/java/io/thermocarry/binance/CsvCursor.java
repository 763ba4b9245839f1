package io.thermocarry.binance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads CSV one line at a time straight from bytes: no String per line, no regex, no split. Field
 * boundaries index into the read buffer and stay valid until the next {@link #next()}. Handles
 * {@code \n} and {@code \r\n}, a UTF-8 byte-order mark, and double-quoted fields (the quotes are
 * dropped, a quoted comma does not split). Line numbers are 1-based physical lines, the header included,
 * so a rejection points at the line a text editor shows.
 */
final class CsvCursor {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private long lineNo;
    private int lineStart;
    private int lineEnd;
    private int[] fs = new int[16];
    private int[] fe = new int[16];
    private int nf;
    private boolean bomChecked;
    private long nonBlankLines;
    /** Number parser shared by all field accessors; check {@link Ascii#ok} after each call. */
    final Ascii ascii = new Ascii();

    /**
     * @param in decompressed text stream
     * @param linesBefore physical lines already consumed before {@code in} starts (leading blank lines)
     */
    CsvCursor(InputStream in, long linesBefore) {
        this.in = in;
        this.lineNo = linesBefore;
    }

    /** Advances to the next physical line; false at end of input. */
    boolean next() throws IOException {
        int scan = pos;
        while (true) {
            int nl = -1;
            byte[] b = buf;
            for (int i = scan; i < lim; i++) {
                if (b[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl >= 0) {
                setLine(pos, nl);
                pos = nl + 1;
                return true;
            }
            if (eof) {
                if (pos < lim) {
                    setLine(pos, lim);
                    pos = lim;
                    return true;
                }
                return false;
            }
            scan = lim - pos;
            fill();
        }
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
        } else {
            lim += n;
        }
        if (!bomChecked && (lim >= 3 || eof)) {
            bomChecked = true;
            if (lim >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                pos = 3;
            }
        }
    }

    private void setLine(int s, int e) {
        lineNo++;
        if (e > s && buf[e - 1] == '\r') {
            e--;
        }
        lineStart = s;
        lineEnd = e;
        for (int i = s; i < e; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                nonBlankLines++;
                break;
            }
        }
        nf = 0;
        byte[] b = buf;
        int i = s;
        while (true) {
            if (i < e && b[i] == '"') {
                int j = i + 1;
                while (j < e) {
                    if (b[j] == '"') {
                        if (j + 1 < e && b[j + 1] == '"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                addField(i + 1, Math.min(j, e));
                // Bytes between the closing quote and the separator are dropped.
                i = j + 1;
                while (i < e && b[i] != ',') {
                    i++;
                }
            } else {
                int j = i;
                while (j < e && b[j] != ',') {
                    j++;
                }
                addField(i, j);
                i = j;
            }
            if (i >= e) {
                return;
            }
            i++;
        }
    }

    private void addField(int s, int e) {
        if (nf == fs.length) {
            fs = Arrays.copyOf(fs, nf * 2);
            fe = Arrays.copyOf(fe, nf * 2);
        }
        fs[nf] = s;
        fe[nf] = e;
        nf++;
    }

    /** 1-based physical line number of the current line. */
    long lineNumber() {
        return lineNo;
    }

    /** Lines read so far that are not blank (a header-only file has one). */
    long nonBlankLines() {
        return nonBlankLines;
    }

    /** Number of fields on the current line. */
    int fields() {
        return nf;
    }

    /** True when the current line holds only spaces or tabs (or nothing). */
    boolean isBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            byte c = buf[i];
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** True when field {@code f} is empty or spaces only. */
    boolean isEmpty(int f) {
        for (int i = fs[f]; i < fe[f]; i++) {
            if (buf[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Field {@code f} as text (for messages and the few text columns). */
    String text(int f) {
        return new String(buf, fs[f], fe[f] - fs[f], StandardCharsets.UTF_8);
    }

    /** The whole current line as text (for messages). */
    String lineText() {
        return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    /** True when field {@code f} equals {@code s} ignoring ASCII case and surrounding spaces. */
    boolean fieldEqualsIgnoreCase(int f, String s) {
        int a = fs[f];
        int b = fe[f];
        while (a < b && buf[a] == ' ') {
            a++;
        }
        while (b > a && buf[b - 1] == ' ') {
            b--;
        }
        if (b - a != s.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            int c = buf[a + k];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            int d = s.charAt(k);
            if (d >= 'A' && d <= 'Z') {
                d += 32;
            }
            if (c != d) {
                return false;
            }
        }
        return true;
    }

    /** True when field {@code f} has exactly the bytes of field {@code f} of {@code previous} (cache hits). */
    boolean fieldEquals(int f, byte[] previous, int len) {
        int n = fe[f] - fs[f];
        if (n != len) {
            return false;
        }
        return Arrays.equals(buf, fs[f], fe[f], previous, 0, len);
    }

    /** Copies field {@code f} into {@code into} (grown when needed) and returns the array. */
    byte[] copyField(int f, byte[] into) {
        int n = fe[f] - fs[f];
        byte[] out = into.length >= n ? into : new byte[n * 2];
        System.arraycopy(buf, fs[f], out, 0, n);
        return out;
    }

    /** Length of field {@code f} in bytes. */
    int fieldLength(int f) {
        return fe[f] - fs[f];
    }

    /** Field {@code f} as a double; check {@code ascii.ok}. */
    double number(int f) {
        return ascii.toDouble(buf, fs[f], fe[f]);
    }

    /** Field {@code f} as a whole number; check {@code ascii.ok}. */
    long integer(int f) {
        return ascii.toLong(buf, fs[f], fe[f]);
    }

    /** Field {@code f} as an ISO date-time to epoch ms; check {@code ascii.ok} and {@code ascii.hadZone}. */
    long dateTime(int f) {
        return ascii.dateTimeMillis(buf, fs[f], fe[f]);
    }
}
