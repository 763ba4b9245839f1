package io.thermocarry.binance;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.BarSeries;
import io.thermocarry.core.market.FundingSeries;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.OpenInterestSeries;
import io.thermocarry.core.market.Symbol;
import java.util.ArrayList;
import java.util.List;

/**
 * One read in progress: where it comes from, what options and path say, what went wrong, and the
 * series found. Resolves symbol, market and interval with the precedence options → path (→ rows, for
 * the interval and for sources naming their symbol), and faults the file when one is still unknown.
 */
final class Context {
    final String source;
    final ReadOptions options;
    final PathHints hints;
    final Problems problems;
    final List<BarSeries> bars = new ArrayList<>();
    final List<FundingSeries> funding = new ArrayList<>();
    final List<OpenInterestSeries> openInterest = new ArrayList<>();

    Context(String source, ReadOptions options, PathHints hints) {
        this.source = source;
        this.options = options;
        this.hints = hints;
        this.problems = new Problems(source);
    }

    /** Symbol of a single-symbol file, or null after faulting the file. */
    Symbol symbol() {
        Symbol s = options.symbol() != null ? options.symbol() : hints.symbol();
        if (s == null) {
            problems.fileFault("symbol unknown: pass --symbol (or name the file <SYMBOL>.csv.gz, "
                    + "<SYMBOL>-1h-2024-01.zip or <SYMBOL>-fundingRate-2024-01.zip)");
        }
        return s;
    }

    /** Market of a kline file, or null after faulting the file. */
    Market market() {
        if (options.market() != null) {
            return options.market();
        }
        if (hints.market() != null) {
            return hints.market();
        }
        if (hints.marketProblem() != null) {
            problems.fileFault(hints.marketProblem());
        } else {
            problems.fileFault("market unknown: pass --market (spot, perp, mark, index, premium), or keep the file under "
                    + "klines/<interval>/<spot|futures|mark>/ or the archive folders spot/, futures/um/, markPriceKlines/, "
                    + "indexPriceKlines/, premiumIndexKlines/");
        }
        return null;
    }

    /** Interval of a kline file from options or path; null when neither says (rows may still tell). */
    BarInterval interval() {
        return options.interval() != null ? options.interval() : hints.interval();
    }

    /** Where {@link #interval()} came from, for messages. */
    String intervalFrom() {
        return options.interval() != null ? "from --interval" : "from the path";
    }

    /** Faults the file and returns true when the path names an unusable interval and no option overrides it. */
    boolean intervalFaulted() {
        if (options.interval() == null && hints.intervalProblem() != null) {
            problems.fileFault(hints.intervalProblem() + "; pass --interval to override");
            return true;
        }
        return false;
    }
}
