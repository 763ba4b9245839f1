package io.thermocarry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.thermocarry.binance.BinanceReader;
import io.thermocarry.core.market.Symbol;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BenchDataTest {
    @Test
    void synthetic_hasTheRequestedSize_andItsKlineFileParsesBackToTheSameBars() {
        BenchData d = BenchData.synthetic(400);
        assertEquals(400, d.cycles.size());
        assertEquals(8 * 400 + 1, d.perp.size());
        var back = BinanceReader.read(d.perpFile).bars().get(0);
        assertEquals(d.perp.size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            assertEquals(d.perp.close(i), back.close(i), 0.0);
            assertEquals(d.perp.openTimeMs(i), back.openTimeMs(i));
        }
        assertEquals(400 - 360, d.run.size(), "decisions after the 360-cycle warm-up");
        assertEquals(d.run.size(), d.returns.length);
    }

    /** The shared BTCUSDT history is the default input: about 58,000 hours and 7,000 cycles (SOURCES.md). */
    @Test
    void shared_loadsBtcusdt_ofTheSharedTree() {
        Path dir = BenchData.sharedBinance();
        if (dir == null) {
            String msg = "shared data not found (set -Dthermocarry.sharedDir)";
            if (Boolean.getBoolean("thermocarry.requireSharedData")) {
                fail(msg);
            }
            Assumptions.abort(msg + ": real-data test skipped");
        }
        BenchData d = BenchData.shared(dir, Symbol.of("BTCUSDT"));
        assertTrue(d.perp.size() > 55_000, "perp hours " + d.perp.size());
        assertTrue(d.cycles.size() > 6_500, "cycles " + d.cycles.size());
        assertTrue(d.basis.size() > 50_000, "basis hours " + d.basis.size());
        assertTrue(d.run.size() > 6_000, "decisions " + d.run.size());
    }
}
