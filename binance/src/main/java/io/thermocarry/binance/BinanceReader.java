package io.thermocarry.binance;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Symbol;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads one Binance market-data file of any supported format into {@code core} series, with every
 * rejected row and every warning. It never throws for bad data: a bad row becomes a {@link
 * io.thermocarry.core.market.Rejection} naming file, 1-based line, column and value
 * ({@code BTCUSDT-1h-2024-01.csv:17: close 'abc' is not a number}) and the rest of the file is still
 * read; a whole-file fault (empty file, unknown layout, truncated gzip or zip, checksum mismatch, a zip
 * entry escaping the target folder, symbol/market/interval unknown) is a rejection with line 0 and the
 * file yields no series.
 *
 * <p>Containers are recognised by their magic bytes (gzip, zip) and layouts by their header or first
 * element, never by file name alone; the path only supplies what the rows do not say (see
 * {@link ReadOptions} and the data-tree / archive naming rules in the package documentation).
 * Everything is streamed: gzip and zip are decompressed on the fly, nothing is unzipped to disk.
 *
 * <p>Rejection file names are the path as given; rows inside a zip are named {@code archive.zip!entry.csv}.
 * {@link ParsedSource#sha256()} is the SHA-256 of the raw file bytes (empty when the file cannot be
 * read at all). A sibling {@code <file>.CHECKSUM} ({@code <sha256>  <name>}, as Binance publishes
 * beside each archive) is verified when present.
 *
 * <p>Row rules. Klines: the expected column count; numbers that parse; finite values; positive prices
 * (except the premium index); {@code low <= min(open, close) <= max(open, close) <= high}; volume not
 * negative; open time on the interval's grid, in the file's time unit (ms or µs, fixed by the first row)
 * and strictly after the previous kept row (duplicates name the first line). Funding: a numeric, finite
 * rate (kept with a warning when {@code |rate| > 0.05}, percent-looking); times rounded to the nearest
 * whole minute, so that Binance's few-ms {@code fundingTime} jitter does not split one settlement into
 * two (two rows on one minute are a duplicate); each event's interval from the source, else from the
 * spacing (see {@code FundingCollector}). Leading placeholder candles are kept with a warning (the store
 * flags them); gaps in a kline series are kept with a warning. Open interest (archive {@code metrics} CSV, REST
 * {@code openInterestHist}): amounts finite and {@code >= 0}, times strictly increasing.
 *
 * <p>Thread-safe: every call works on its own state, so files can be read in parallel.
 */
public final class BinanceReader {
    private static final int BUFFER = 1 << 16;
    private static final int PEEK = 8192;

    private BinanceReader() {
    }

    /**
     * Reads {@code file} inferring symbol, market and interval from path and content.
     *
     * @param file the file (plain, gzip or zip)
     * @return the series found, the rows rejected and the warnings; never null
     */
    public static ParsedSource read(Path file) {
        return read(file, ReadOptions.none());
    }

    /**
     * Reads {@code file}.
     *
     * @param file the file (plain, gzip or zip)
     * @param options overrides for symbol, market and interval (null components are inferred)
     * @return the series found, the rows rejected and the warnings; never null
     */
    public static ParsedSource read(Path file, ReadOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        String source = file.toString();
        Context ctx = new Context(source, options, PathHints.of(source));
        String sha = "";
        try (InputStream fin = Files.newInputStream(file)) {
            HashingInputStream raw = new HashingInputStream(fin);
            sha = readRaw(raw, ctx);
            verifyChecksum(file, sha, ctx.problems);
        } catch (IOException e) {
            ctx.problems.fileFault("cannot read file: " + describe(e));
        }
        return assemble(ctx, sha);
    }

    /**
     * Reads a payload already in memory, e.g. a REST response body.
     *
     * @param source name used in rejections and for path inference (a URL or file name)
     * @param content the raw bytes (plain, gzip or zip)
     * @param options overrides for symbol, market and interval (null components are inferred)
     * @return the series found, the rows rejected and the warnings; never null
     */
    public static ParsedSource read(String source, byte[] content, ReadOptions options) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(options, "options");
        Context ctx = new Context(source, options, PathHints.of(source));
        String sha = "";
        try {
            sha = readRaw(new HashingInputStream(new ByteArrayInputStream(content)), ctx);
        } catch (IOException e) {
            ctx.problems.fileFault("cannot read: " + describe(e));
        }
        return assemble(ctx, sha);
    }

    private static ParsedSource assemble(Context ctx, String sha) {
        Problems p = ctx.problems;
        if (p.hasFileFault()) {
            return new ParsedSource(ctx.source, sha, 0, List.of(), List.of(), p.fileFaults(), List.of());
        }
        long accepted = 0;
        for (BarSeries b : ctx.bars) {
            accepted += b.size();
        }
        for (var f : ctx.funding) {
            accepted += f.size();
        }
        for (var o : ctx.openInterest) {
            accepted += o.size();
        }
        return new ParsedSource(ctx.source, sha, accepted + p.rowRejections(), ctx.bars, ctx.funding,
                ctx.openInterest, p.rejected(), p.warnings());
    }

    /** Reads the whole raw stream (container, then content); returns the hex SHA-256 of all its bytes. */
    private static String readRaw(HashingInputStream raw, Context ctx) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        boolean zip = false;
        String container = "data";
        try {
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                container = "gzip data";
                GZIPInputStream gz = new GZIPInputStream(in, BUFFER);
                content(gz, ctx);
                if (!ctx.problems.hasFileFault()) {
                    // Reading to the end checks the gzip trailer (CRC, length) even when the parser stopped early.
                    gz.transferTo(java.io.OutputStream.nullOutputStream());
                }
            } else if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K'
                    && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6))) {
                zip = true;
                container = "zip data";
                zip(in, ctx);
            } else {
                content(in, ctx);
            }
        } catch (IOException e) {
            if (raw.sourceFailed()) {
                throw e;
            }
            ctx.problems.fileFault(container + " is truncated or corrupt: " + describe(e));
        }
        raw.drain();
        if (zip && !ctx.problems.hasFileFault() && !raw.endsWithZipDirectory()) {
            ctx.problems.fileFault("truncated zip: no end-of-central-directory record at the end of the file");
        }
        return raw.hex();
    }

    private static void zip(InputStream in, Context ctx) throws IOException {
        ZipInputStream zis = new ZipInputStream(in);
        String first = null;
        ZipEntry e;
        while ((e = zis.getNextEntry()) != null) {
            String name = e.getName();
            if (escapes(name)) {
                ctx.problems.fileFault("zip entry '" + name + "' escapes the target folder (zip-slip): refused");
                return;
            }
            if (e.isDirectory()) {
                continue;
            }
            if (first != null) {
                ctx.problems.fileFault("zip holds more than one file ('" + first + "', '" + name
                        + "'): expected one Binance archive CSV");
                return;
            }
            first = name;
            ctx.problems.enterEntry(name);
            InputStream entry = new FilterInputStream(zis) {
                @Override
                public void close() {
                    // The entry's parser must not close the zip stream.
                }
            };
            content(entry, ctx);
            if (ctx.problems.hasFileFault()) {
                return;
            }
            // Reading the entry to its end makes ZipInputStream verify its CRC and size.
            zis.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (first == null) {
            ctx.problems.fileFault("zip holds no file: expected one Binance archive CSV");
        }
    }

    /** True for entry names that would land outside the folder they are extracted to. */
    static boolean escapes(String name) {
        if (name.startsWith("/") || name.startsWith("\\")
                || (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0)))) {
            return true;
        }
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Reads decompressed content: detects JSON or a CSV layout and dispatches. */
    private static void content(InputStream in, Context ctx) throws IOException {
        PushbackInputStream pin = new PushbackInputStream(in, PEEK);
        byte[] peek = new byte[PEEK];
        long linesBefore = 0;
        boolean start = true;
        while (true) {
            int n = pin.readNBytes(peek, 0, PEEK);
            int i = 0;
            if (start && n >= 3 && (peek[0] & 0xff) == 0xEF && (peek[1] & 0xff) == 0xBB && (peek[2] & 0xff) == 0xBF) {
                i = 3;
            }
            int firstNonBlank = -1;
            int newlines = 0;
            for (; i < n; i++) {
                byte c = peek[i];
                if (c == '\n') {
                    newlines++;
                } else if (c != ' ' && c != '\t' && c != '\r') {
                    firstNonBlank = i;
                    break;
                }
            }
            if (firstNonBlank >= 0) {
                pin.unread(peek, 0, n);
                if (peek[firstNonBlank] == '[' || peek[firstNonBlank] == '{') {
                    JsonPayloadReader.read(pin, ctx);
                } else {
                    csv(new CsvCursor(pin, linesBefore), ctx);
                }
                return;
            }
            if (n < PEEK) {
                ctx.problems.fileFault("empty file: no data");
                return;
            }
            // A whole chunk of blank lines: drop it, keep counting lines.
            linesBefore += newlines;
            start = false;
        }
    }

    private static void csv(CsvCursor cur, Context ctx) throws IOException {
        Problems problems = ctx.problems;
        while (cur.next()) {
            if (!cur.isBlank()) {
                break;
            }
        }
        CsvLayout layout = CsvLayout.byHeader(cur);
        boolean currentIsData = false;
        if (layout == null && CsvLayout.isHeaderlessArchiveKlines(cur)) {
            layout = CsvLayout.ARCHIVE_KLINES;
            currentIsData = true;
        } else if (layout == null && ctx.hints.kind() == PathHints.Kind.FUNDING && ctx.hints.archiveName()
                && CsvLayout.isHeaderlessArchiveFunding(cur)) {
            layout = CsvLayout.ARCHIVE_FUNDING;
            currentIsData = true;
        }
        if (layout == null) {
            String first = printable(cur.lineText());
            problems.fileFault("unknown layout: line " + cur.lineNumber() + " '"
                    + (first.length() > 120 ? first.substring(0, 120) + "…" : first) + "' is none of: "
                    + CsvLayout.expectedList());
            return;
        }
        long linesBeforeHeader = cur.lineNumber() - 1;
        switch (layout) {
            case ARCHIVE_KLINES -> klines(cur, currentIsData, KlineCsvReader.ARCHIVE, ctx);
            case EMANUELGOLDMAN -> klines(cur, false, KlineCsvReader.EMANUELGOLDMAN, ctx);
            case TJF -> klines(cur, false, KlineCsvReader.TJF, ctx);
            case FREQTRADE -> freqtrade(cur, ctx);
            case ARCHIVE_FUNDING -> funding(cur, currentIsData, FundingCsvReader.ARCHIVE, ctx, true);
            case ELVISTV -> funding(cur, false, FundingCsvReader.ELVISTV, ctx, true);
            case ZUSHEN -> funding(cur, false, FundingCsvReader.ZUSHEN, ctx, false);
            case ARCHIVE_METRICS -> openInterest(cur, ctx);
        }
        if (!problems.hasFileFault() && !currentIsData && cur.nonBlankLines() == 1) {
            problems.warn(1 + linesBeforeHeader, "no data rows (" + layout.description() + " header only)");
        }
    }

    /**
     * freqtrade CSVs hold klines or funding in the same columns: the path decides ({@code funding/} or
     * {@code klines/}), else the first row does. A market given in the options does not turn a funding file
     * into klines: options override what the path says about klines, not what the file is.
     */
    private static void freqtrade(CsvCursor cur, Context ctx) throws IOException {
        PathHints.Kind kind = ctx.hints.kind();
        boolean currentIsData = false;
        if (kind == PathHints.Kind.UNKNOWN) {
            boolean more;
            do {
                more = cur.next();
            } while (more && cur.isBlank());
            if (!more) {
                return;
            }
            currentIsData = true;
            // A kline never has high = low = close = 0; a freqtrade funding row always does.
            boolean zeros = cur.fields() == 7 && isZero(cur, 3) && isZero(cur, 4) && isZero(cur, 5);
            kind = zeros ? PathHints.Kind.FUNDING : PathHints.Kind.KLINES;
        }
        if (kind == PathHints.Kind.FUNDING) {
            funding(cur, currentIsData, FundingCsvReader.FREQTRADE, ctx, true);
        } else {
            klines(cur, currentIsData, KlineCsvReader.FREQTRADE, ctx);
        }
    }

    private static boolean isZero(CsvCursor cur, int f) {
        double v = cur.number(f);
        return cur.ascii.ok && v == 0;
    }

    private static void klines(CsvCursor cur, boolean currentIsData, KlineCsvReader.Columns cols, Context ctx)
            throws IOException {
        Symbol symbol = ctx.symbol();
        if (symbol == null || ctx.intervalFaulted()) {
            return;
        }
        Market market = ctx.market();
        if (market == null) {
            return;
        }
        BarInterval interval = ctx.interval();
        BarSeries s = KlineCsvReader.read(cur, currentIsData, cols, ctx.problems, symbol, market, interval,
                ctx.intervalFrom());
        if (s != null && !ctx.problems.hasFileFault()) {
            ctx.bars.add(s);
        }
    }

    private static void funding(CsvCursor cur, boolean currentIsData, FundingCsvReader.Columns cols, Context ctx,
            boolean singleSymbol) throws IOException {
        Symbol symbol = singleSymbol ? ctx.symbol() : ctx.options.symbol();
        if (singleSymbol && symbol == null) {
            return;
        }
        ctx.funding.addAll(FundingCsvReader.read(cur, currentIsData, cols, ctx.problems, symbol));
    }

    private static void openInterest(CsvCursor cur, Context ctx) throws IOException {
        Symbol symbol = ctx.symbol();
        if (symbol == null) {
            return;
        }
        ctx.openInterest.addAll(OpenInterestCsvReader.read(cur, false, ctx.problems, symbol));
    }

    /** Replaces control characters so that a binary first line cannot garble a message. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) || c == 0xFFFD ? '?' : c));
        return sb.toString();
    }

    private static void verifyChecksum(Path file, String sha, Problems problems) throws IOException {
        Path name = file.getFileName();
        if (name == null) {
            return;
        }
        Path cs = file.resolveSibling(name + ".CHECKSUM");
        if (!Files.isRegularFile(cs)) {
            return;
        }
        String text = Files.size(cs) > 4096 ? "" : Files.readString(cs, StandardCharsets.ISO_8859_1).trim();
        String[] parts = text.split("\\s+", 2);
        if (!parts[0].matches("[0-9a-fA-F]{64}")) {
            problems.fileFault(cs.getFileName() + " is not '<sha256>  <file name>': cannot verify the file");
            return;
        }
        if (parts.length == 2) {
            String named = parts[1].trim();
            if (named.startsWith("*")) {
                named = named.substring(1);
            }
            if (!named.equals(name.toString())) {
                problems.fileFault(cs.getFileName() + " is for '" + named + "', not '" + name + "'");
                return;
            }
        }
        if (!parts[0].equalsIgnoreCase(sha)) {
            problems.fileFault("checksum mismatch: " + cs.getFileName() + " says " + parts[0].toLowerCase()
                    + ", the file's SHA-256 is " + sha + " (corrupt or partial download)");
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m != null ? ": " + m : "");
    }
}
