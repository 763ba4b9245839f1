package io.thermocarry.report;

import io.thermocarry.core.Compat;
import io.thermocarry.core.backtest.BacktestEngine;
import io.thermocarry.core.backtest.BacktestRequest;
import io.thermocarry.core.backtest.BacktestResult;
import io.thermocarry.core.backtest.EquityCurve;
import io.thermocarry.core.backtest.FeeTier;
import io.thermocarry.core.backtest.FundingAccrual;
import io.thermocarry.core.physics.KappaSegment;
import io.thermocarry.core.physics.PhysicsAnalyzer;
import io.thermocarry.core.physics.PhysicsReport;
import io.thermocarry.core.physics.PhysicsSpec;
import io.thermocarry.core.physics.SyntheticMarket;
import io.thermocarry.core.physics.SyntheticOuMarket;
import io.thermocarry.core.physics.SyntheticSpec;
import io.thermocarry.core.regime.RegimeConfig;
import io.thermocarry.core.regime.RegimeSpec;
import io.thermocarry.core.signal.SignalRun;
import io.thermocarry.core.signal.SignalRunner;
import io.thermocarry.core.signal.SignalSpec;
import io.thermocarry.core.strategy.NaiveStrategy;
import io.thermocarry.core.strategy.PhysicsStrategy;
import io.thermocarry.core.strategy.SignalPath;
import io.thermocarry.core.strategy.StrategySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small but complete report model built from a synthetic market through core (no store, no app). */
final class Fixture {
    final SyntheticMarket market;
    final SignalRun run;
    final PhysicsReport physics;
    final List<StrategyResult> results = new ArrayList<>();
    final ReportModel model;

    static final List<EvaluationStats.Bucket> BUCKETS = List.of(
            bucket("fixed", 0, -1, "< 0.5", 120, 3e-4, 1e-4),
            bucket("fixed", 1, -1, "0.5–0.8", 80, 2e-4, -5e-5),
            bucket("fixed", 2, -1, "> 2", 40, -1e-4, -4e-4),
            bucket("2d", 0, 0, "< 1", 30, 2e-4, 0),
            bucket("2d", 0, 2, "< 1", 25, 3e-4, 0),
            bucket("2d", 1, 1, "≥ 1", 20, -2e-4, 0));
    static final List<EvaluationStats.Significance> SIGNIFICANCE = List.of(
            new EvaluationStats.Significance("SYNTHUSDT", "causal", 16, "physics", "full", "naive", "-", 1.2, 0.4, 0.8,
                    0.2, 1.4, 0.95, 0.01, 5000, 12, 2000),
            new EvaluationStats.Significance("SYNTHUSDT", "causal", 16, "physics", "full", "physics",
                    "relaxation-only", 1.2, 1.1, 0.1, -0.3, 0.5, 0.95, 0.6, 5000, 12, 2000));

    static EvaluationStats.Bucket bucket(String scheme, int b, int e, String label, int n, double funding,
            double basis) {
        return new EvaluationStats.Bucket(scheme, b, e, label, e < 0 ? "" : "", n, funding + basis, funding, basis,
                funding + basis, funding, basis, 0.5, 0.6, -5e-4);
    }

    Fixture() {
        SyntheticSpec spec = SyntheticSpec.REALISTIC.withCycles(900)
                .withKappaSegments(List.of(new KappaSegment(500, 700, 0.01)));
        market = SyntheticOuMarket.simulate(spec);
        run = SignalRunner.run(market.cycles(), market.basis(), SignalSpec.defaults(), RegimeSpec.defaults(),
                RegimeConfig.FULL, Compat.CAUSAL);
        physics = PhysicsAnalyzer.analyze(market.basis(), market.cycles(),
                PhysicsSpec.defaults().withResamples(200, 20, 20));
        SignalPath path = SignalPath.of(run, market.cycles().size());
        for (StrategySpec s : List.<StrategySpec>of(PhysicsStrategy.defaults(), NaiveStrategy.defaults())) {
            BacktestRequest req = new BacktestRequest(market.cycles(), path, s, FeeTier.BPS_8, Compat.CAUSAL, 1.0, 0,
                    FundingAccrual.RATE_AT_CYCLE_END);
            for (BacktestResult r : BacktestEngine.runTiers(req, FeeTier.STANDARD)) {
                EquityCurve e = r.equityCurve();
                results.add(new StrategyResult("SYNTHUSDT", s.name(), "full", "causal", r.request().fee().roundTripBps(),
                        e.timeMs(), e.equity(), r.performance(), List.of()));
            }
        }
        String sym = "SYNTHUSDT";
        List<Block> blocks = new ArrayList<>();
        blocks.add(CarrySections.basis(sym, market.basis(), market.cycles(), 1000));
        blocks.add(CarrySections.relaxation(sym, run, RegimeSpec.defaults(), null, 1000));
        blocks.add(CarrySections.temperature(sym, run, RegimeSpec.defaults(), 1000));
        blocks.add(CarrySections.entropy(sym, run, 1000));
        blocks.add(CarrySections.jeConvergence(sym, market.cycles(), physics, 1000));
        blocks.add(CarrySections.regimeTimeline(sym, run, 1000));
        blocks.addAll(CarrySections.equity(sym, results, 1000));
        blocks.add(CarrySections.pnlByStrategy(sym, results, 16));
        blocks.add(CarrySections.pnlByRegime(sym, CarrySections.find(results, "physics", 16)));
        blocks.add(CarrySections.metrics(sym, results));
        blocks.add(CarrySections.regimePnl(sym, results, 16));
        blocks.add(new Block.HeatMap("synthusdt-heat", "bucket </script> heat", "next-cycle carry", "r bucket",
                List.of("r < 1", "r ≥ 1"), "entropy tercile", List.of("low", "mid", "high"),
                new double[][] {{1.5e-4, -2e-5, Double.NaN}, {0, 3e-5, -1e-4}}, new int[][] {{10, 20, 0}, {5, 6, 7}},
                NumFormat.BPS, "bps of notional", Block.Width.HALF));
        blocks.add(EvaluationSections.bucketChart(sym, "fixed", BUCKETS));
        blocks.add(EvaluationSections.bucketHeatMap(sym, BUCKETS));
        blocks.add(EvaluationSections.bucketTable(sym, BUCKETS));
        blocks.add(EvaluationSections.significance(SIGNIFICANCE));
        blocks.add(EvaluationSections.decomposition(sym, List.of(
                new EvaluationStats.EdgeCell(sym, 1, "look-ahead window removed", "physics", 10,
                        results.get(0).performance()),
                new EvaluationStats.EdgeCell(sym, 0, "reference as published", "naive", 10,
                        results.get(3).performance()))));
        List<ReportModel.Section> sections = List.of(
                new ReportModel.Section("summary", "Summary", "lead <b>not bold</b> & co",
                        List.of(new Block.KeyFigures(CarrySections.headline(sym, run, results, 16)))),
                new ReportModel.Section("synthusdt", sym, "", blocks),
                new ReportModel.Section("physics", "Physics", "", List.of(CarrySections.physics(List.of(physics)))),
                new ReportModel.Section("methods", "Methods", "", CarrySections.methods(SignalSpec.defaults(),
                        RegimeSpec.defaults(), Map.of("compat mode", "causal"))));
        model = new ReportModel("thermocarry test report", "synthetic", Instant.parse("2026-01-05T08:00:00Z"), sections);
    }
}
