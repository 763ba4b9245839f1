package io.thermocarry.report;

import io.thermocarry.core.margin.Liquidation;
import io.thermocarry.core.margin.MarginOutcome;
import io.thermocarry.core.marginrisk.BufferNeeded;
import io.thermocarry.core.marginrisk.MarginReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's margin section (SPEC §13): per symbol and leverage the minimum margin ratio, the worst bar,
 * liquidations, PnL lost to them and the futures-wallet share needed to survive the history (with its
 * block-bootstrap quantiles); then every liquidation with its bar evidence.
 */
public final class MarginSections {
    private MarginSections() {
    }

    /** One study of one symbol. */
    public record Row(String symbol, MarginReport report) {
    }

    /** The section; {@code lead} says which book and bars. */
    public static ReportModel.Section section(List<Row> rows, String lead) {
        List<List<Cell>> summary = new ArrayList<>();
        List<List<Cell>> events = new ArrayList<>();
        for (Row r : rows) {
            MarginOutcome m = r.report().margin();
            BufferNeeded b = r.report().buffer();
            double move = m.minCoverageWorstPrice() / m.minCoverageStrikePrice() - 1;
            summary.add(List.of(Cell.text(r.symbol()), Cell.num(m.spec().leverage(), NumFormat.INTEGER),
                    Cell.num(m.minCoverage(), NumFormat.FIXED2),
                    Cell.text(m.minCoverageTime() == null ? "–" : m.minCoverageTime().toString().substring(0, 16)),
                    Cell.num(move, NumFormat.PERCENT), Cell.num(m.liquidationCount(), NumFormat.INTEGER),
                    Cell.num(r.report().pnlLostToLiquidations(), NumFormat.PERCENT),
                    Cell.num(b.history(), NumFormat.FIXED3), Cell.num(b.p95(), NumFormat.FIXED3),
                    Cell.num(b.p99(), NumFormat.FIXED3), Cell.num(b.p999(), NumFormat.FIXED3),
                    Cell.num(m.transfers(), NumFormat.INTEGER)));
            for (Liquidation l : m.liquidations()) {
                events.add(List.of(Cell.text(r.symbol()), Cell.num(m.spec().leverage(), NumFormat.INTEGER),
                        Cell.text(l.barOpen().toString().substring(0, 16)),
                        Cell.text(l.leg().name().toLowerCase(Locale.ROOT)),
                        Cell.num(l.strikePrice(), NumFormat.FIXED2), Cell.num(l.liquidationPrice(), NumFormat.FIXED2),
                        Cell.num(l.worstPrice(), NumFormat.FIXED2), Cell.num(l.moveToLiquidation(), NumFormat.PERCENT),
                        Cell.num(l.perpPnl() + l.spotPnl() - l.clearanceFee() - l.closeFee(), NumFormat.PERCENT)));
            }
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Table("margin-summary", "Margin path of the perp leg",
                "Minimum margin ratio = lowest margin balance / maintenance margin at any bar's worst point (high for a"
                        + " short perp, low for a long, mark price where present); liquidation at ≤ 1 (Binance's ratio"
                        + " is the reciprocal). Buffer = futures-wallet share of capital needed for zero liquidations:"
                        + " on the history and at 95 / 99 / 99.9 % of a block bootstrap of cycles (∞: not survivable"
                        + " with the whole capital there).",
                List.of(new Block.Column("symbol", ""), new Block.Column("leverage", "×"),
                        new Block.Column("min margin ratio", ""), new Block.Column("worst bar", "UTC"),
                        new Block.Column("move at worst", "%"), new Block.Column("liquidations", ""),
                        new Block.Column("PnL lost", "% of capital"), new Block.Column("buffer history", "share"),
                        new Block.Column("p95", "share"), new Block.Column("p99", "share"),
                        new Block.Column("p99.9", "share"), new Block.Column("transfers", "")),
                summary));
        blocks.add(new Block.Table("margin-liquidations", "Liquidations",
                "Each liquidation: the bar whose worst price breached maintenance, the leg's strike price for the cycle,"
                        + " the liquidation price (the perp's fill), the bar's worst price, and the liquidated cycle's"
                        + " PnL (pair price PnL to the fills, minus the clearance and close fees).",
                List.of(new Block.Column("symbol", ""), new Block.Column("leverage", "×"),
                        new Block.Column("bar", "UTC"), new Block.Column("perp leg", ""),
                        new Block.Column("strike", "USDT"), new Block.Column("liquidation price", "USDT"),
                        new Block.Column("bar worst", "USDT"), new Block.Column("move to liquidation", "%"),
                        new Block.Column("cycle PnL", "% of capital")),
                events));
        return new ReportModel.Section("margin", "Margin and liquidation of the perp leg", lead, blocks);
    }
}
