package io.thermocarry.app;

import io.thermocarry.store.Store;
import io.thermocarry.store.StoreInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code info}: what the store holds and its data integrity, per symbol and series. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "What the store holds per symbol and series: first/last time, rows, gaps, missing bars, "
                + "placeholder candles, funding intervals seen, missing settlements, interval changes, rejected rows.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        StoreInfo info;
        try (Store store = Stores.open(common.db)) {
            info = store.info();
        }
        var only = common.symbolList();
        List<StoreInfo.SeriesInfo> series = info.series().stream()
                .filter(s -> only.isEmpty() || only.contains(s.symbol())).toList();
        List<StoreInfo.FundingInfo> funding = info.funding().stream()
                .filter(f -> only.isEmpty() || only.contains(f.symbol())).toList();
        List<String> sh = List.of("symbol", "market", "interval", "first", "last", "rows", "gaps", "missingBars",
                "placeholders");
        List<List<String>> srows = new ArrayList<>();
        for (StoreInfo.SeriesInfo s : series) {
            srows.add(List.of(s.symbol().name(), s.market().code(), s.interval().code(), String.valueOf(s.first()),
                    String.valueOf(s.last()), Long.toString(s.rows()), Long.toString(s.gaps()),
                    Long.toString(s.missingBars()), Long.toString(s.placeholders())));
        }
        if (common.csv != null) {
            Out.csv(common.csv, sh, srows);
        }
        if (common.json) {
            Map<String, Object> doc = Out.obj();
            List<Object> sl = new ArrayList<>();
            for (StoreInfo.SeriesInfo s : series) {
                Map<String, Object> m = Out.obj();
                m.put("symbol", s.symbol().name());
                m.put("market", s.market().code());
                m.put("interval", s.interval().code());
                m.put("first", s.first());
                m.put("last", s.last());
                m.put("rows", s.rows());
                m.put("gaps", s.gaps());
                m.put("missingBars", s.missingBars());
                m.put("placeholders", s.placeholders());
                sl.add(m);
            }
            doc.put("series", sl);
            List<Object> fl = new ArrayList<>();
            for (StoreInfo.FundingInfo f : funding) {
                Map<String, Object> m = Out.obj();
                m.put("symbol", f.symbol().name());
                m.put("first", f.first());
                m.put("last", f.last());
                m.put("events", f.events());
                m.put("intervalsHours", f.intervalsHours());
                m.put("missingSettlements", f.missingSettlements());
                m.put("intervalChanges", f.intervalChanges().stream().map(Object::toString).toList());
                fl.add(m);
            }
            doc.put("funding", fl);
            doc.put("rejectedRows", info.rejectedRows());
            doc.put("rejectedRowsByFile", info.rejectedRowsByFile());
            doc.put("conflicts", info.conflicts());
            doc.put("filesIngested", info.files().size());
            Out.json(System.out, doc);
            return 0;
        }
        System.out.print(Out.table(sh, srows));
        System.out.println();
        List<List<String>> frows = new ArrayList<>();
        for (StoreInfo.FundingInfo f : funding) {
            frows.add(List.of(f.symbol().name(), String.valueOf(f.first()), String.valueOf(f.last()),
                    Long.toString(f.events()), f.intervalsHours().toString(), Long.toString(f.missingSettlements()),
                    Integer.toString(f.intervalChangeCount())));
        }
        System.out.print(Out.table(List.of("funding", "first", "last", "events", "intervalsHours",
                "missingSettlements", "intervalChanges"), frows));
        System.out.printf("%nfiles ingested %d, rejected rows %d, conflicts %d%n", info.files().size(),
                info.rejectedRows(), info.conflicts());
        return 0;
    }
}
