package io.thermocarry.bench;

import io.thermocarry.binance.BinanceReader;
import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.ParsedSource;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.physics.KappaSegment;
import io.thermocarry.core.physics.SyntheticMarket;
import io.thermocarry.core.physics.SyntheticOuMarket;
import io.thermocarry.core.physics.SyntheticSpec;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.series.BasisSeries;
import io.thermocarry.core.series.CycleBuilder;
import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.SignalPath;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The input every benchmark runs on: one symbol's hourly market as the product sees it — the perp kline file to
 * parse, the parsed sources to ingest, the bars, funding, basis, cycles, a signal run and its path, and the
 * per-cycle returns of one physics backtest.
 *
 * <p>Which market: the shared Binance history of BTCUSDT ({@code <sharedDir>/data/binance}, about 58,000 hours and
 * 7,000 funding cycles) when present; otherwise a synthetic OU market of the same size (6,900 8 h cycles, 55,201
 * hourly bars per leg, with a fast-relaxation stretch so every regime occurs), its perp klines written as a gzipped
 * Binance archive CSV to a temporary file. System properties: {@code thermocarry.sharedDir} (default
 * {@code ../shared}, then {@code ../../shared}), {@code thermocarry.bench.source} = {@code auto} (default),
 * {@code shared} or {@code synthetic}, {@code thermocarry.bench.cycles} (synthetic size).
 */
public final class BenchData {
    /** Default synthetic size: about the shared BTCUSDT history in 8 h cycles. */
    public static final int DEFAULT_CYCLES = 6_900;

    private static BenchData cached;

    /** Where the data came from, in words (printed by the benchmarks' setup). */
    public final String description;
    /** The perp kline file the parse benchmark reads (csv.gz). */
    public final Path perpFile;
    /** That file, parsed (for the ingest benchmark). */
    public final ParsedSource perpSource;
    /** The funding file, parsed. */
    public final ParsedSource fundingSource;
    /** Hourly perp bars. */
    public final BarSeries perp;
    /** Hourly spot bars. */
    public final BarSeries spot;
    /** Hourly mark bars, or null. */
    public final BarSeries mark;
    /** Funding settlements. */
    public final FundingSeries funding;
    /** Hourly spot–perp basis. */
    public final BasisSeries basis;
    /** Funding cycles. */
    public final FundingCycles cycles;
    /** The causal signal run with SPEC defaults. */
    public final SignalRun run;
    /** Its path over the cycles. */
    public final SignalPath path;
    /** Per-cycle returns of the default physics backtest at 16 bps (from its first decision on). */
    public final double[] returns;

    private BenchData(String description, Path perpFile, ParsedSource perpSource, ParsedSource fundingSource,
            BarSeries perp, BarSeries spot, BarSeries mark, FundingSeries funding) {
        this.description = description;
        this.perpFile = perpFile;
        this.perpSource = perpSource;
        this.fundingSource = fundingSource;
        this.perp = perp;
        this.spot = spot;
        this.mark = mark;
        this.funding = funding;
        this.basis = BasisSeries.of(perp, spot, null, null);
        this.cycles = CycleBuilder.build(funding, basis, mark);
        this.run = SignalRunner.run(cycles, basis, SignalSpec.defaults(), RegimeSpec.defaults(), RegimeConfig.FULL,
                Compat.CAUSAL);
        this.path = SignalPath.of(run, cycles.size());
        int first = run.size() > 0 ? run.cycleIndex(0) : 0;
        BacktestResult r = BacktestEngine.run(request(first));
        double[] eq = r.ledger().equities();
        double[] ret = new double[cycles.size() - first];
        double prev = 1.0;
        for (int k = first; k < cycles.size(); k++) {
            ret[k - first] = prev > 0 ? eq[k] / prev - 1 : 0;
            prev = eq[k];
        }
        this.returns = ret;
    }

    /** The default physics carry over the cycles from {@code firstCycle}, at 16 bps, causal. */
    public BacktestRequest request(int firstCycle) {
        return new BacktestRequest(cycles, path, PhysicsStrategy.defaults(), FeeTier.BPS_16, Compat.CAUSAL, 1.0,
                firstCycle, FundingAccrual.RATE_AT_CYCLE_END);
    }

    /** The data chosen by the system properties (loaded once per JVM). */
    public static synchronized BenchData get() {
        if (cached == null) {
            String source = System.getProperty("thermocarry.bench.source", "auto");
            int n = Integer.getInteger("thermocarry.bench.cycles", DEFAULT_CYCLES);
            Path dir = sharedBinance();
            cached = switch (source) {
                case "shared" -> {
                    if (dir == null) {
                        throw new IllegalStateException("thermocarry.bench.source=shared but no shared data found;"
                                + " set -Dthermocarry.sharedDir=<path to shared>");
                    }
                    yield shared(dir, Symbol.of("BTCUSDT"));
                }
                case "synthetic" -> synthetic(n);
                case "auto" -> dir != null ? shared(dir, Symbol.of("BTCUSDT")) : synthetic(n);
                default -> throw new IllegalArgumentException("thermocarry.bench.source: auto, shared or synthetic");
            };
            System.err.println("thermocarry bench data: " + cached.description);
        }
        return cached;
    }

    /** The {@code data/binance} folder of the shared data, or null. */
    public static Path sharedBinance() {
        List<Path> tried = new ArrayList<>();
        String prop = System.getProperty("thermocarry.sharedDir");
        if (prop != null && !prop.isBlank()) {
            tried.add(Path.of(prop));
        }
        tried.add(Path.of("../shared"));
        tried.add(Path.of("../../shared"));
        for (Path shared : tried) {
            Path dir = shared.resolve("data").resolve("binance");
            if (Files.isRegularFile(dir.resolve("klines/1h/futures/BTCUSDT.csv.gz"))) {
                return dir.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** One symbol of the shared data tree: 1 h perp, spot, mark klines and funding. */
    public static BenchData shared(Path binance, Symbol symbol) {
        Path perpFile = binance.resolve("klines/1h/futures/" + symbol + ".csv.gz");
        ParsedSource perp = read(perpFile);
        ParsedSource spot = read(binance.resolve("klines/1h/spot/" + symbol + ".csv.gz"));
        Path markFile = binance.resolve("klines/1h/mark/" + symbol + ".csv.gz");
        BarSeries mark = Files.isRegularFile(markFile) ? read(markFile).bars().get(0) : null;
        ParsedSource funding = read(binance.resolve("funding/" + symbol + ".csv.gz"));
        return new BenchData("shared " + symbol + " (" + perpFile + ")", perpFile, perp, funding,
                perp.bars().get(0), spot.bars().get(0), mark, funding.funding().get(0));
    }

    /** A synthetic OU market of {@code cycles} 8 h cycles, perp klines written to a temporary csv.gz. */
    public static BenchData synthetic(int cycles) {
        SyntheticSpec spec = SyntheticSpec.REALISTIC.withCycles(cycles).withSymbol(Symbol.of("SYNTHUSDT"))
                .withKappaSegments(List.of(new KappaSegment(cycles / 3, 2 * cycles / 3, 0.2)));
        SyntheticMarket m = SyntheticOuMarket.simulate(spec);
        try {
            Path dir = Files.createTempDirectory("thermocarry-bench");
            Path file = dir.resolve("klines/1h/futures/SYNTHUSDT.csv.gz");
            Files.createDirectories(file.getParent());
            writeKlines(m.perp(), file);
            file.toFile().deleteOnExit();
            file.getParent().toFile().deleteOnExit();
            ParsedSource perp = read(file);
            ParsedSource funding = new ParsedSource("synthetic funding", "", m.funding().size(), List.of(),
                    List.of(m.funding()), List.of(), List.of());
            return new BenchData("synthetic OU market, " + cycles + " cycles, " + m.perp().size()
                    + " hourly bars per leg", file, perp, funding, m.perp(), m.spot(), null, m.funding());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic kline file", e);
        }
    }

    private static ParsedSource read(Path file) {
        ParsedSource p = BinanceReader.read(file);
        if (p.hasRejections() || (p.bars().isEmpty() && p.funding().isEmpty())) {
            throw new IllegalStateException("no data read from " + file + ": " + p.rejected());
        }
        return p;
    }

    /** Writes bars as a gzipped Binance archive kline CSV with header. */
    static void writeKlines(BarSeries b, Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII)) {
            w.write("open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                    + "taker_buy_quote_volume,ignore\n");
            long step = b.interval().millis();
            StringBuilder sb = new StringBuilder(128);
            for (int i = 0; i < b.size(); i++) {
                sb.setLength(0);
                long t = b.openTimeMs(i);
                sb.append(t).append(',').append(b.open(i)).append(',').append(b.high(i)).append(',')
                        .append(b.low(i)).append(',').append(b.close(i)).append(',').append(b.volume(i)).append(',')
                        .append(t + step - 1).append(",0,0,0,0,0\n");
                w.write(sb.toString());
            }
        }
    }
}
