package io.thermocarry.app;

import io.thermocarry.binance.download.NetPolicy;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.execution.Child;
import io.thermocarry.core.market.Symbol;
import io.thermocarry.live.FillModel;
import io.thermocarry.live.LiveBook;
import io.thermocarry.live.LiveConfig;
import io.thermocarry.live.LiveDaemon;
import io.thermocarry.live.StatusServer;
import io.thermocarry.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code live}: the paper book on Binance's public streams (SPEC §14, CLI.md). Wiring only. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = {"The paper book on live streams (SPEC §14): the desk rules of 'execute' on each symbol's 1 m "
                + "klines, mark price and book tickers, decided by the same core pipeline, every event written to the "
                + "store before it is acted on. Resumes its book from the store (also after kill -9) and backfills "
                + "what it missed over REST. A status page on 127.0.0.1:--port. Runs until stopped (SIGTERM/Ctrl-C), "
                + "then prints {\"events\":n,\"fills\":n,\"fundingPayments\":n,\"reconnects\":n,\"pnl\":{..}}.",
                "Needs the hourly history of each symbol in the store for the signals' warm-up (120 days at 8 h "
                        + "funding): 'thermocarry download --symbols S --series funding,perp,spot --from <date>'. "
                        + "One decision line per child close on stderr.",
                "--leverage L (default 0 = off) runs the margin path of the perp leg on the 1 m bars as 'execute "
                        + "--leverage' (liquidations included); the status page shows its margin ratio."})
final class LiveCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    SignalOptions signal;

    @Mixin
    RuleOptions ruleOptions;

    /** --leverage > 0: the margin path of the perp leg on the 1 m bars, as 'execute --leverage' (SPEC §13). */
    @Mixin
    MarginOptions margin;

    @Option(names = "--strategy", defaultValue = "desk", paramLabel = "desk",
            description = "strategy: desk (the execution engine's rules) (default ${DEFAULT-VALUE})")
    String strategy;

    @Option(names = "--warmup-days", defaultValue = "130", paramLabel = "DAYS",
            description = "when the store has no hourly history before the book's start, fetch funding and 1 h perp"
                    + " and spot bars of this many days before it over REST (0: never fetch; default ${DEFAULT-VALUE})")
    long warmupDays;

    @Option(names = "--port", defaultValue = "8765", paramLabel = "PORT",
            description = "status page port on 127.0.0.1; 0 = any free port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--fill", defaultValue = "bar", paramLabel = "bar|book",
            description = "paper fills: next child bar's open + half the fee tier (equals the backtest), or the "
                    + "opposite best quote at the decision + the fee tier (default ${DEFAULT-VALUE})")
    String fill;

    @Option(names = "--child", defaultValue = "5m", paramLabel = "5m|15m|settlement",
            description = "execution child (default ${DEFAULT-VALUE})")
    String child;

    @Option(names = "--fee-bps", defaultValue = "8", paramLabel = "BPS",
            description = "round-trip fee tier in bps of notional (default ${DEFAULT-VALUE})")
    double feeBps;

    @Option(names = "--book", defaultValue = "live", paramLabel = "NAME",
            description = "the book's name in the store; a book keeps its configuration (default ${DEFAULT-VALUE})")
    String bookName;

    @Option(names = "--ws-url", paramLabel = "URL", description = "futures stream base (default wss://fstream.binance.com)")
    String wsUrl;

    @Option(names = "--spot-ws-url", paramLabel = "URL",
            description = "spot stream base (default wss://stream.binance.com:9443)")
    String spotWsUrl;

    @Option(names = "--base-url", paramLabel = "URL", description = "futures REST base (default https://fapi.binance.com)")
    String baseUrl;

    @Option(names = "--spot-base-url", paramLabel = "URL",
            description = "spot REST base (default: --base-url when given, else https://api.binance.com)")
    String spotBaseUrl;

    private volatile int stopExit = 1;

    @Override
    public Integer call() throws Exception {
        List<Symbol> symbols = common.symbolList();
        if (symbols.isEmpty()) {
            throw new UsageError("give the symbols with --symbols (e.g. --symbols BTCUSDT,ETHUSDT)");
        }
        if (!strategy.trim().equalsIgnoreCase("desk")) {
            throw new UsageError("--strategy '" + strategy + "': the live book runs the execution engine's desk rules"
                    + " (desk)");
        }
        if (port < 0 || port > 65_535) {
            throw new UsageError("--port " + port + ": 0..65535");
        }
        FillModel fm = parse(() -> FillModel.parse(fill), "--fill");
        Child ch = parse(() -> Child.parse(child), "--child");
        FeeTier tier = parse(() -> new FeeTier(feeBps), "--fee-bps");
        var regime = signal.regimeConfig();
        if (regime.hasVetoes()) {
            throw new UsageError("--config full+veto: the live book has no microstructure data yet (the desk's gates"
                    + " pass as not evaluated); use full");
        }
        double leverage = margin.single();
        Instant from = common.fromInstant();
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        Store store = Stores.open(common.db);
        CountDownLatch done = new CountDownLatch(1);
        LiveDaemon daemon = null;
        StatusServer status = null;
        try {
            long start = from != null ? from.toEpochMilli() : store.live().book(bookName)
                    .map(io.thermocarry.store.LiveStore.BookRow::startMs).orElse(System.currentTimeMillis());
            LiveConfig config = new LiveConfig(bookName, symbols, start, ch, ruleOptions.rules(), tier,
                    signal.signalSpec(), signal.regimeSpec(), regime, signal.veto.featureSpec(),
                    signal.veto.vetoSpec(), ruleOptions.medianWindow(), fm).withMargin(s -> margin.spec(s, leverage));
            URI futuresRest = uri(baseUrl, LiveStreams.DEFAULT_FUTURES_REST, "--base-url");
            URI spotRest = uri(spotBaseUrl, baseUrl != null ? futuresRest : LiveStreams.DEFAULT_SPOT_REST,
                    "--spot-base-url");
            List<Symbol> missing = LiveWarmup.missing(store, symbols, start);
            if (!missing.isEmpty() && warmupDays > 0) {
                LiveWarmup.fetch(store, missing, start, Duration.ofDays(warmupDays), futuresRest, spotRest,
                        NetPolicy.defaults(), m -> err.println("live: " + m));
            }
            for (Symbol s : symbols) {
                requireHistory(store, s, start);
            }
            LiveBook book = new LiveBook(store, config, err::println);
            URI futuresWs = uri(wsUrl, LiveStreams.DEFAULT_FUTURES_WS, "--ws-url");
            URI spotWs = uri(spotWsUrl, wsUrl != null ? futuresWs : LiveStreams.DEFAULT_SPOT_WS, "--spot-ws-url");
            daemon = new LiveDaemon(book, LiveStreams.rest(futuresRest, spotRest),
                    l -> LiveStreams.feed(symbols, futuresWs, spotWs, l), m -> err.println("live: " + m));
            LiveDaemon d = daemon;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                d.close();
                boolean finished = false;
                try {
                    finished = done.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // a stop asked for is a job done: exit 0 once the summary is printed and the store closed
                System.out.flush();
                Runtime.getRuntime().halt(finished && stopExit == 0 ? 0 : 1);
            }, "thermocarry-live-stop"));
            daemon.start();
            try {
                status = StatusServer.start(port, book::status);
            } catch (IOException e) {
                throw new JobFailed("cannot serve the status page on 127.0.0.1:" + port + ": " + e.getMessage()
                        + " (pass another --port, or 0 for any free port)", e);
            }
            err.println(String.format(Locale.ROOT, "live: book %s (%s fills, child %s, %s bps) on %s; status page "
                    + "http://127.0.0.1:%d/ (JSON: /status.json)", bookName, fm.code(), ch.code(),
                    Out.fmt(tier.roundTripBps(), 0), symbols, status.port()));
            daemon.await();
            err.println("live: stopped");
            if (daemon.failure() != null) {
                throw new JobFailed("the live loop failed: " + daemon.failure().getMessage(), daemon.failure());
            }
            System.out.println(io.thermocarry.live.Json.write(book.summary()));
            System.out.flush();
            stopExit = 0;
            return 0;
        } finally {
            if (status != null) {
                status.close();
            }
            if (daemon != null) {
                daemon.close();
            }
            store.close();
            done.countDown();
        }
    }

    /** The signals need hourly spot and perp bars and funding before the book's start. */
    private static void requireHistory(Store store, Symbol s, long startMs) {
        Instant start = Instant.ofEpochMilli(startMs);
        if (!LiveWarmup.present(store, s, startMs)) {
            throw new JobFailed("no hourly history for " + s + " before the book's start " + start + " in the store"
                    + " (the signals warm up on 360 funding cycles): run 'thermocarry download --symbols " + s
                    + " --series funding,perp,spot --from <120+ days ago>' first");
        }
    }

    private static URI uri(String text, URI fallback, String flag) {
        if (text == null) {
            return fallback;
        }
        try {
            URI u = URI.create(text.trim());
            if (u.getScheme() == null || u.getHost() == null) {
                throw new IllegalArgumentException("not an absolute URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new UsageError(flag + " '" + text + "': " + e.getMessage());
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> f, String flag) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            throw new UsageError(flag + ": " + e.getMessage());
        }
    }
}
