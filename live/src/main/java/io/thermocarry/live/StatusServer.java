package io.thermocarry.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;

/**
 * The status page of a live book (SPEC §14) on 127.0.0.1 only, on the JDK's {@link HttpServer}: {@code /} one
 * self-contained page that polls {@code /status.json} every second and shows regime, the four signals, veto state,
 * position and PnL per leg, funding earned, margin ratio (when a margin model is attached), the next settlement
 * countdown and data health; {@code /status.json} the same values for monitoring.
 */
public final class StatusServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;

    private StatusServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /** Starts the server on 127.0.0.1:{@code port} (0 = any free port) serving {@code status(wallMs)}. */
    public static StatusServer start(int port, LongFunction<Object> status) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "live-status");
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(pool);
        s.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/" -> send(ex, 200, "text/html; charset=utf-8", PAGE);
                case "/status.json" -> send(ex, 200, "application/json",
                        Json.write(status.apply(System.currentTimeMillis())));
                case "/favicon.ico" -> send(ex, 204, "image/x-icon", "");
                default -> send(ex, 404, "text/plain; charset=utf-8", "not found: " + path);
            }
        });
        s.start();
        return new StatusServer(s, pool);
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (code == 204) {
            ex.sendResponseHeaders(code, -1);
        } else {
            ex.sendResponseHeaders(code, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        }
        ex.close();
    }

    /** The page: plain DOM, every value cell tagged {@code data-key} with its JSON path (the browser test reads it). */
    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>thermocarry live</title>
            <link rel="icon" href="data:,">
            <style>
            body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}
            h1{font-size:1.3em} h2{font-size:1.1em;margin-top:1.4em}
            table{border-collapse:collapse;margin:.4em 0} td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}
            th{background:#f3f3f3} .num{text-align:right;font-variant-numeric:tabular-nums}
            #err{color:#b00}
            </style></head>
            <body><h1>thermocarry live book <span id="book"></span></h1>
            <div id="err"></div><div id="app">loading…</div>
            <script>
            window.thermocarry = {errors: [], updates: 0, last: null};
            function fmt(v) {
              if (v === null || v === undefined) return '–';
              if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toPrecision(6);
              return String(v);
            }
            function cell(key, v) {
              const td = document.createElement('td');
              td.className = typeof v === 'number' ? 'num' : '';
              td.dataset.key = key; td.dataset.value = JSON.stringify(v === undefined ? null : v);
              td.textContent = fmt(v); return td;
            }
            function table(rows) {
              const t = document.createElement('table');
              for (const [label, key, v] of rows) {
                const tr = document.createElement('tr'); const th = document.createElement('th');
                th.textContent = label; tr.appendChild(th); tr.appendChild(cell(key, v)); t.appendChild(tr);
              }
              return t;
            }
            function render(s) {
              document.getElementById('book').textContent = s.book + ' (fill ' + s.fill + ', child ' + s.child + ', '
                + s.feeBps + ' bps)';
              const app = document.createElement('div');
              s.symbols.forEach((y, i) => {
                const p = 'symbols.' + i + '.';
                const h = document.createElement('h2'); h.textContent = y.symbol; app.appendChild(h);
                const sig = y.signals || {};
                app.appendChild(table([
                  ['checkpoint', p + 'checkpoint', y.checkpoint], ['regime', p + 'regime', y.regime],
                  ['exposure', p + 'exposure', y.exposure],
                  ['relaxation ratio', p + 'signals.relaxationRatio', sig.relaxationRatio],
                  ['temperature z', p + 'signals.temperatureZscore', sig.temperatureZscore],
                  ['entropy rate', p + 'signals.entropyRate', sig.entropyRate],
                  ['JE health', p + 'signals.jeHealth', sig.jeHealth], ['veto', p + 'veto', y.veto],
                  ['PnL funding', p + 'pnl.funding', y.pnl.funding], ['PnL basis', p + 'pnl.basis', y.pnl.basis],
                  ['PnL fees', p + 'pnl.fees', y.pnl.fees], ['PnL total', p + 'pnl.total', y.pnl.total],
                  ['funding earned', p + 'fundingEarned', y.fundingEarned],
                  ['funding payments', p + 'fundingPayments', y.fundingPayments],
                  ['leverage', p + 'leverage', y.leverage],
                  ['margin ratio (balance / maintenance)', p + 'marginRatio', y.marginRatio],
                  ['margin at mark', p + 'marginPrice', y.marginPrice],
                  ['min margin ratio', p + 'minMarginRatio', y.minMarginRatio],
                  ['liquidations', p + 'liquidations', y.liquidations],
                  ['liquidation price', p + 'liquidationPrice', y.liquidationPrice],
                  ['futures wallet', p + 'wallet', y.wallet],
                  ['next settlement', p + 'nextSettlement', y.nextSettlement],
                  ['settlement in (s)', p + 'nextSettlementSeconds', y.nextSettlementSeconds],
                  ['mark price', p + 'markPrice', y.markPrice], ['funding rate', p + 'fundingRate', y.fundingRate]]));
                y.legs.forEach((l, j) => {
                  const q = p + 'legs.' + j + '.';
                  app.appendChild(table([['leg', q + 'leg', l.leg], ['side', q + 'side', l.side],
                    ['quantity', q + 'quantity', l.quantity], ['entry price', q + 'entryPrice', l.entryPrice]]));
                });
              });
              const hh = document.createElement('h2'); hh.textContent = 'data health'; app.appendChild(hh);
              const rows = [['events', 'health.events', s.health.events], ['gaps', 'health.gaps', s.health.gaps],
                ['reconnects', 'health.reconnects', s.health.reconnects]];
              for (const [k, v] of Object.entries(s.health.lastEventAgeSeconds)) {
                rows.push(['last event age (s) ' + k, 'health.lastEventAgeSeconds.' + k, v]);
              }
              app.appendChild(table(rows));
              const old = document.getElementById('app'); app.id = 'app'; old.replaceWith(app);
              window.thermocarry.last = s; window.thermocarry.updates++;
              document.documentElement.setAttribute('data-ready', 'true');
            }
            async function poll() {
              try {
                const r = await fetch('status.json', {cache: 'no-store'});
                if (!r.ok) throw new Error('status.json: HTTP ' + r.status);
                render(await r.json());
                document.getElementById('err').textContent = '';
              } catch (e) {
                window.thermocarry.errors.push(String(e));
                document.getElementById('err').textContent = 'status unavailable: ' + e;
              }
            }
            window.thermocarry.poll = poll;
            poll(); setInterval(poll, 1000);
            </script></body></html>
            """;
}
