package io.thermocarry.core.margin;

import io.thermocarry.core.Checks;
import java.time.Duration;

/**
 * The desk's margin policy for the perp leg of a carry (SPEC §13). Money in units of the backtest's capital
 * {@code E}; the perp leg's notional {@code N} is the strategy's.
 *
 * <p><b>Wallets.</b> The capital is split between the spot wallet (which holds the spot leg) and the futures
 * wallet (the perp leg's margin). Whenever the carry is opened or re-sized, the desk re-splits them: the
 * futures wallet is set to its <em>target</em> {@code W* = min(E, max(N / leverage, futuresShare · E))} —
 * at least the initial margin {@code N/L} Binance asks to open at leverage {@code L}, more when the desk keeps
 * a larger futures share. Between re-sizes the futures wallet moves with the perp's PnL, funding and the perp
 * leg's half of the fees; the spot wallet holds the rest ({@code E − W}).
 *
 * <p><b>Transfers.</b> When the margin balance at a bar close is short of the target by {@code transferAt · N/L}
 * or more (that fraction of the initial margin lost since the last re-split or top-up), the desk orders the
 * shortfall {@code W* − B} from the spot wallet — where the spot leg's gain mirrors the perp's loss: the desk
 * sells that much spot and re-hedges — and it arrives {@code transferDelay} after that close (a bar opening at
 * or after the arrival sees it). One transfer in flight at a time; {@code transferAt = 0} disables transfers.
 * The trigger and the amount do not depend on the futures share, so two books differing only in their share
 * order the same transfers at the same times and the larger share's balance stays above the smaller's by the
 * difference of their targets: a larger share is never liquidated where a smaller one is not.
 *
 * <p><b>Liquidation.</b> When the worst price of a bar (high for a short perp, low for a long one, on the mark
 * price where the data has it) takes the margin balance to maintenance, the perp leg is closed at the
 * liquidation price and pays {@code clearanceFeeRate} of the closed notional.
 *
 * @param leverage perp leverage {@code L} ({@code 0} = margin off: the engine runs its margin-free path)
 * @param futuresShare desk's futures-wallet share of capital, in {@code [0, 1]}
 * @param transferDelay time from a transfer order to its arrival, {@code >= 0}
 * @param transferAt top-up trigger, the fraction of the initial margin {@code N/L} lost, in {@code [0, 1]} (0 = never)
 * @param clearanceFeeRate Binance's liquidation clearance fee, fraction of the liquidated notional
 * @param capitalUsdt USDT per unit of capital (the bracket look-up needs USDT notionals)
 * @param table maintenance-margin brackets of the symbol
 */
public record MarginSpec(double leverage, double futuresShare, Duration transferDelay, double transferAt,
        double clearanceFeeRate, double capitalUsdt, BracketTable table) {
    /** Default transfer delay: one hour. */
    public static final Duration DEFAULT_TRANSFER_DELAY = Duration.ofHours(1);
    /** Default top-up trigger: half the initial margin lost. */
    public static final double DEFAULT_TRANSFER_AT = 0.5;
    /** Default clearance fee: Binance's USDT-M liquidation clearance fee, 1.25 % (its published maximum). */
    public static final double DEFAULT_CLEARANCE_FEE = 0.0125;
    /** Default capital: 1 M USDT. */
    public static final double DEFAULT_CAPITAL_USDT = 1_000_000;

    /** Validates ranges. */
    public MarginSpec {
        Checks.check(leverage == 0 || leverage >= 1 && leverage <= 125,
                "leverage must be 0 (margin off) or in [1, 125], was " + leverage);
        Checks.inRange(futuresShare, 0.0, 1.0, "futuresShare");
        Checks.notNull(transferDelay, "transferDelay");
        Checks.check(!transferDelay.isNegative(), "transferDelay must be >= 0, was " + transferDelay);
        Checks.inRange(transferAt, 0.0, 1.0, "transferAt");
        Checks.inRange(clearanceFeeRate, 0.0, 0.1, "clearanceFeeRate");
        Checks.positive(capitalUsdt, "capitalUsdt");
        Checks.notNull(table, "table");
    }

    /** The defaults at a leverage and futures share, with the symbol's default bracket table. */
    public static MarginSpec of(String symbol, double leverage, double futuresShare) {
        return new MarginSpec(leverage, futuresShare, DEFAULT_TRANSFER_DELAY, DEFAULT_TRANSFER_AT,
                DEFAULT_CLEARANCE_FEE, DEFAULT_CAPITAL_USDT, BracketTable.defaultFor(symbol));
    }

    /** True when the margin path runs ({@code leverage > 0}). */
    public boolean enabled() {
        return leverage > 0;
    }

    /** Same spec with another futures share. */
    public MarginSpec withFuturesShare(double share) {
        return new MarginSpec(leverage, share, transferDelay, transferAt, clearanceFeeRate, capitalUsdt, table);
    }

    /** Same spec with another leverage. */
    public MarginSpec withLeverage(double l) {
        return new MarginSpec(l, futuresShare, transferDelay, transferAt, clearanceFeeRate, capitalUsdt, table);
    }

    /** Same spec with another transfer delay. */
    public MarginSpec withTransferDelay(Duration delay) {
        return new MarginSpec(leverage, futuresShare, delay, transferAt, clearanceFeeRate, capitalUsdt, table);
    }

    /** Same spec with another transfer trigger (0 = no transfers). */
    public MarginSpec withTransferAt(double at) {
        return new MarginSpec(leverage, futuresShare, transferDelay, at, clearanceFeeRate, capitalUsdt, table);
    }

    /** Same spec with another bracket table. */
    public MarginSpec withTable(BracketTable t) {
        return new MarginSpec(leverage, futuresShare, transferDelay, transferAt, clearanceFeeRate, capitalUsdt, t);
    }

    /** Same spec with another clearance fee. */
    public MarginSpec withClearanceFeeRate(double rate) {
        return new MarginSpec(leverage, futuresShare, transferDelay, transferAt, rate, capitalUsdt, table);
    }
}
