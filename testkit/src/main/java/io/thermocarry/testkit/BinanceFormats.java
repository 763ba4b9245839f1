package io.thermocarry.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Binance's byte formats for synthetic rows: REST JSON arrays, archive CSVs (with their headers), deterministic zips
 * (fixed entry time, so the same rows always give the same bytes and the same SHA-256) and {@code .CHECKSUM} text.
 */
public final class BinanceFormats {
    /** Header of data.binance.vision kline CSVs. */
    public static final String KLINE_HEADER = "open_time,open,high,low,close,volume,close_time,quote_volume,count,"
            + "taker_buy_volume,taker_buy_quote_volume,ignore";
    /** Header of data.binance.vision {@code fundingRate} CSVs. */
    public static final String FUNDING_HEADER = "calc_time,funding_interval_hours,last_funding_rate";
    /** Header of data.binance.vision {@code metrics} CSVs. */
    public static final String METRICS_HEADER = "create_time,symbol,sum_open_interest,sum_open_interest_value,"
            + "count_toptrader_long_short_ratio,sum_toptrader_long_short_ratio,count_long_short_ratio,"
            + "sum_taker_long_short_vol_ratio";
    private static final DateTimeFormatter METRICS_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private BinanceFormats() {
    }

    /** The REST klines payload. */
    public static byte[] klinesJson(List<SyntheticMarket.Kline> rows) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            sb.append(i > 0 ? "," : "").append(rows.get(i).json());
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The REST {@code fundingRate} payload. */
    public static byte[] fundingJson(String symbol, List<SyntheticMarket.Funding> rows) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            sb.append(i > 0 ? "," : "").append(rows.get(i).json(symbol));
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The REST {@code openInterestHist} payload. */
    public static byte[] openInterestJson(String symbol, List<SyntheticMarket.OpenInterest> rows) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            sb.append(i > 0 ? "," : "").append(rows.get(i).json(symbol));
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An archive kline CSV with header. */
    public static byte[] klinesCsv(List<SyntheticMarket.Kline> rows) {
        StringBuilder sb = new StringBuilder(KLINE_HEADER).append('\n');
        for (SyntheticMarket.Kline k : rows) {
            sb.append(k.csv()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An archive {@code fundingRate} CSV with header. */
    public static byte[] fundingCsv(List<SyntheticMarket.Funding> rows) {
        StringBuilder sb = new StringBuilder(FUNDING_HEADER).append('\n');
        for (SyntheticMarket.Funding f : rows) {
            sb.append(f.csv()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An archive {@code metrics} CSV with header (long/short ratio columns filled with fixed values). */
    public static byte[] metricsCsv(String symbol, List<SyntheticMarket.OpenInterest> rows) {
        StringBuilder sb = new StringBuilder(METRICS_HEADER).append('\n');
        for (SyntheticMarket.OpenInterest o : rows) {
            sb.append(METRICS_TIME.format(Instant.ofEpochMilli(o.time()))).append(',').append(symbol).append(',')
                    .append(o.sumOpenInterest()).append(',').append(o.sumOpenInterestValue())
                    .append(",1.5,1.6,1.7,0.9\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A zip holding one entry, with a fixed timestamp so that the bytes depend on the content only. */
    public static byte[] zip(String entryName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e = new ZipEntry(entryName);
            e.setTime(1_704_067_200_000L);
            z.putNextEntry(e);
            z.write(content);
            z.closeEntry();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code .CHECKSUM} text Binance publishes beside {@code fileName}: {@code <sha256>  <name>\n}. */
    public static byte[] checksum(byte[] data, String fileName) {
        return (sha256(data) + "  " + fileName + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
