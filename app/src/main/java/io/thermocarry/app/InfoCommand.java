package io.thermocarry.app;

import io.thermocarry.core.market.Symbol;
import io.thermocarry.core.portfolio.Coverage;
import io.thermocarry.store.SeriesCoverage;
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
        List<Coverages.Entry> coverage;
        try (Store store = Stores.open(common.db)) {
            info = store.info();
            coverage = Coverages.of(store.coverage());
        }
        List<Symbol> only = common.symbolList();
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
            doc.put("coverage", coverageJson(coverage, only));
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
        System.out.println();
        printCoverage(coverage, only);
        System.out.printf("%nfiles ingested %d, rejected rows %d, conflicts %d%n", info.files().size(),
                info.rejectedRows(), info.conflicts());
        return 0;
    }

    /** The carry view per symbol: spot + perp (1 h) + funding overlap, holes inside it, stitched parts. */
    private static List<Object> coverageJson(List<Coverages.Entry> coverage, List<Symbol> only) {
        List<Object> out = new ArrayList<>();
        for (Coverages.Entry e : coverage) {
            Coverage c = e.coverage();
            if (!only.isEmpty() && !only.contains(c.symbol())) {
                continue;
            }
            Map<String, Object> m = Out.obj();
            m.put("symbol", c.symbol().name());
            m.put("candidate", c.candidate());
            m.put("reason", c.reason() == null ? null : c.reason().name());
            m.put("overlapFrom", c.candidate() ? Out.time(c.overlapFromMs()) : null);
            m.put("overlapTo", c.candidate() ? Out.time(c.overlapToMs()) : null);
            m.put("overlapDays", Out.num(c.overlapDays()));
            List<Object> holes = new ArrayList<>();
            for (Coverage.Hole h : c.holes()) {
                Map<String, Object> x = Out.obj();
                x.put("series", h.series());
                x.put("after", Out.time(h.afterMs()));
                x.put("before", Out.time(h.beforeMs()));
                x.put("missing", h.missing());
                holes.add(x);
            }
            m.put("holes", holes);
            List<Object> parts = new ArrayList<>();
            for (SeriesCoverage s : e.series()) {
                for (SeriesCoverage.Part p : s.parts()) {
                    Map<String, Object> x = Out.obj();
                    x.put("series", s.series());
                    x.put("source", p.source());
                    x.put("first", p.first());
                    x.put("last", p.last());
                    x.put("rows", p.rows());
                    parts.add(x);
                }
            }
            m.put("parts", parts);
            out.add(m);
        }
        return out;
    }

    private static void printCoverage(List<Coverages.Entry> coverage, List<Symbol> only) {
        List<List<String>> rows = new ArrayList<>();
        for (Coverages.Entry e : coverage) {
            Coverage c = e.coverage();
            if (!only.isEmpty() && !only.contains(c.symbol())) {
                continue;
            }
            StringBuilder parts = new StringBuilder();
            for (SeriesCoverage s : e.series()) {
                parts.append(parts.length() == 0 ? "" : " ").append(s.series()).append(':').append(s.parts().size());
            }
            Coverage.Hole longest = c.longestHole();
            rows.add(List.of(c.symbol().name(), c.candidate() ? "yes" : "no",
                    c.candidate() ? Out.time(c.overlapFromMs()) : "-", c.candidate() ? Out.time(c.overlapToMs()) : "-",
                    Out.fmt(c.overlapDays(), 0), Integer.toString(c.holes().size()),
                    longest == null ? "-" : longest.series() + " " + Out.fmt(longest.hours(), 0) + " h from "
                            + Out.time(longest.afterMs()),
                    parts.toString(), c.reason() == null ? "" : c.reason().name()));
        }
        System.out.println("carry coverage (1h spot + 1h perp + funding; holes inside the overlap; parts = source files)");
        System.out.print(Out.table(List.of("symbol", "candidate", "overlap from", "overlap to", "days", "holes",
                "longest hole", "parts", "reason"), rows));
    }
}
