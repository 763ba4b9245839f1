package io.thermocarry.core.features;

/** The microstructure features of SPEC §8, each with its veto. */
public enum Feature {
    /** Perp quoted spread, bps of mid; vetoes when wide against its past. */
    SPREAD_PERP("spreadPerp"),
    /** Spot quoted spread, bps of mid; vetoes when wide against its past. */
    SPREAD_SPOT("spreadSpot"),
    /** Book notional within ±1 % of mid (USDT); vetoes when thin against its past. */
    DEPTH("depth"),
    /** Open-interest change over the last funding interval (%, z-score); vetoes on a crowding surge or flush. */
    OI_CHANGE("oiChange"),
    /** Predicted funding from the premium index; vetoes when its sign is against the carry. */
    FUNDING_FLIP("fundingFlip"),
    /** Liquidation notional over the last interval (USDT); vetoes on a burst against its past. */
    LIQUIDATIONS("liquidations");

    private final String jsonName;

    Feature(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Name in JSON output ({@code spreadPerp}, ...). */
    public String jsonName() {
        return jsonName;
    }

    /** Bit of this feature in a mask. */
    public int bit() {
        return 1 << ordinal();
    }
}
