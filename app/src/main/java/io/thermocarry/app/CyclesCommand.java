package io.thermocarry.app;

import io.thermocarry.core.series.FundingCycles;
import io.thermocarry.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cycles}: funding cycles of one symbol (SPEC §2). */
@Command(name = "cycles", mixinStandardHelpOptions = true,
        description = "Funding cycles of one symbol: funding rate, actual interval, as-of basis at start/end, "
                + "mean/std inside the cycle (SPEC §2).")
final class CyclesCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var symbol = common.requireOneSymbol();
        FundingCycles c;
        try (Store store = Stores.open(common.db)) {
            c = MarketLoader.load(store, symbol, common.fromInstant(), common.toInstant()).cycles();
        }
        List<String> header = List.of("start", "end", "fundingRate", "intervalHours", "basisStartPct", "basisEndPct",
                "basisMeanPct", "basisStdPct", "basisObs", "basisSource");
        List<List<String>> rows = new ArrayList<>(c.size());
        for (int k = 0; k < c.size(); k++) {
            rows.add(List.of(Out.time(c.startMs(k)), Out.time(c.endMs(k)), Out.csvNum(c.rate(k)),
                    Out.csvNum(c.intervalHours(k)), Out.csvNum(c.basisStart(k)), Out.csvNum(c.basisEnd(k)),
                    Out.csvNum(c.basisMean(k)), Out.csvNum(c.basisStd(k)), Integer.toString(c.basisObs(k)),
                    c.source(k).name()));
        }
        if (common.csv != null) {
            Out.csv(common.csv, header, rows);
        }
        if (common.json) {
            Map<String, Object> doc = Out.obj();
            doc.put("symbol", symbol.name());
            List<Object> list = new ArrayList<>(c.size());
            for (int k = 0; k < c.size(); k++) {
                Map<String, Object> m = Out.obj();
                m.put("start", Out.time(c.startMs(k)));
                m.put("end", Out.time(c.endMs(k)));
                m.put("fundingRate", c.rate(k));
                m.put("intervalHours", c.intervalHours(k));
                m.put("basisStartPct", Out.num(c.basisStart(k)));
                m.put("basisEndPct", Out.num(c.basisEnd(k)));
                m.put("basisMeanPct", Out.num(c.basisMean(k)));
                m.put("basisStdPct", Out.num(c.basisStd(k)));
                m.put("basisObs", c.basisObs(k));
                m.put("basisSource", c.source(k).name());
                m.put("markStart", Out.num(c.markStart(k)));
                m.put("markEnd", Out.num(c.markEnd(k)));
                list.add(m);
            }
            doc.put("cycles", list);
            doc.put("hoursWithoutPartner", c.hoursWithoutPartner());
            Out.json(System.out, doc);
        } else {
            List<List<String>> shown = new ArrayList<>();
            int n = c.size();
            for (int k = 0; k < n; k++) {
                if (n > 40 && k == 10) {
                    k = n - 10;
                }
                shown.add(List.of(Out.time(c.startMs(k)), Out.time(c.endMs(k)), Out.fmt(c.rate(k) * 1e4, 3),
                        Out.fmt(c.intervalHours(k), 0), Out.fmt(c.basisStart(k) * 100, 2),
                        Out.fmt(c.basisEnd(k) * 100, 2), Out.fmt(c.basisMean(k) * 100, 2),
                        Out.fmt(c.basisStd(k) * 100, 2), Integer.toString(c.basisObs(k)), c.source(k).name()));
            }
            System.out.print(Out.table(List.of("start", "end", "F (bp)", "h", "b_start (bp)", "b_end (bp)",
                    "b_mean (bp)", "b_std (bp)", "obs", "source"), shown));
            System.out.println(symbol + ": " + n + " cycles" + (n > 40 ? " (first and last 10 shown; all with --csv FILE or --json)" : "")
                    + "; hours without a spot/perp partner: " + c.hoursWithoutPartner());
        }
        return 0;
    }
}
