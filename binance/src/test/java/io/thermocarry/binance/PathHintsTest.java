package io.thermocarry.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.BarInterval;
import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import org.junit.jupiter.api.Test;

/** What paths say about symbol, market, interval and kind. */
class PathHintsTest {

    @Test
    void dataTreeKlines() {
        PathHints h = PathHints.of("../shared/data/binance/klines/1h/futures/SOLUSDT.part-emanuelgoldman.csv.gz");
        assertEquals(Symbol.of("SOLUSDT"), h.symbol());
        assertEquals(Market.PERP, h.market());
        assertEquals(BarInterval.H1, h.interval());
        assertEquals(PathHints.Kind.KLINES, h.kind());
        assertEquals(Market.MARK, PathHints.of("klines/8h/mark/AVAXUSDT.part-tamilsanmia.csv.gz").market());
        assertEquals(Market.SPOT, PathHints.of("klines/1m/spot/BTCUSDT.part-filimonov-eremeyka.csv.gz").market());
    }

    @Test
    void dataTreeFunding() {
        PathHints h = PathHints.of("data/binance/funding/SOLUSDT.part-roshan.csv.gz");
        assertEquals(Symbol.of("SOLUSDT"), h.symbol());
        assertEquals(PathHints.Kind.FUNDING, h.kind());
        PathHints multi = PathHints.of("funding/multi/binance_funding_2025-08_2026-08.zushen168.csv.gz");
        assertNull(multi.symbol());
        assertEquals(PathHints.Kind.FUNDING, multi.kind());
        assertEquals(Symbol.of("BTCUSDT"), PathHints.of("crosscheck/funding/BTCUSDT.elvistv.csv.gz").symbol());
    }

    @Test
    void archiveNames_takeTheMarketFromBinanceFolders() {
        assertEquals(Market.PERP, PathHints.of("data/futures/um/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2024-01.zip").market());
        assertEquals(Market.SPOT, PathHints.of("data/spot/daily/klines/BTCUSDT/5m/BTCUSDT-5m-2025-01-01.zip").market());
        assertEquals(Market.MARK,
                PathHints.of("data/futures/um/monthly/markPriceKlines/BTCUSDT/1h/BTCUSDT-1h-2024-01.zip").market());
        assertEquals(Market.INDEX,
                PathHints.of("futures/um/monthly/indexPriceKlines/BTCUSDT/1h/BTCUSDT-1h-2024-01.zip").market());
        assertEquals(Market.PREMIUM,
                PathHints.of("futures/um/monthly/premiumIndexKlines/BTCUSDT/1h/BTCUSDT-1h-2024-01.zip").market());
        PathHints bare = PathHints.of("BTCUSDT-1h-2024-01.zip");
        assertNull(bare.market());
        assertEquals(BarInterval.H1, bare.interval());
        assertTrue(bare.archiveName());
        PathHints funding = PathHints.of("futures/um/monthly/fundingRate/ETHUSDT/ETHUSDT-fundingRate-2024-01.zip");
        assertEquals(Symbol.of("ETHUSDT"), funding.symbol());
        assertEquals(PathHints.Kind.FUNDING, funding.kind());
    }

    @Test
    void unusableIntervalsAndMarkets_areExplained() {
        PathHints month = PathHints.of("BTCUSDT-1M-2024-01.zip");
        assertNull(month.interval());
        assertNotNull(month.intervalProblem());
        assertNotNull(PathHints.of("futures/cm/monthly/klines/BTCUSD/1h/BTCUSD-1h-2024-01.zip").marketProblem());
        assertNotNull(PathHints.of("klines/1h/weird/BTCUSDT.csv.gz").marketProblem());
    }
}
