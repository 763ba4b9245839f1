package io.thermocarry.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.margin.BracketTable;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code leverageBracket} JSON shape in, bracket tables out; faults named by file:line:column. */
class LeverageBracketReaderTest {
    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(LeverageBracketReaderTest.class.getResource("/brackets/" + name).toURI());
    }

    @Test
    void readsTheRestShape_numbersOrStrings_unknownFieldsIgnored() throws Exception {
        Map<String, BracketTable> t = LeverageBracketReader.read(fixture("leverageBracket-btc-eth.json"));
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), List.copyOf(t.keySet()));
        BracketTable btc = t.get("BTCUSDT");
        assertEquals(3, btc.size());
        // 1 M USDT: bracket 3, 1 000 000 · 0.0065 − 950, as the built-in default
        assertEquals(5_550, btc.maintenance(1_000_000), 1e-9);
        assertEquals(BracketTable.BTCUSDT.maintenance(1_000_000), btc.maintenance(1_000_000), 1e-9);
        assertEquals(450, t.get("ETHUSDT").maintenance(100_000), 1e-9);
    }

    @Test
    void brokenContinuity_isRefused_withFileLineAndBracket() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LeverageBracketReader.read(fixture("leverageBracket-cum-broken.json")));
        assertTrue(e.getMessage().startsWith("leverageBracket-cum-broken.json:2:3: BTCUSDT: bracket 2 cum 70.00"),
                e.getMessage());
    }

    @Test
    void aFieldThatIsNotANumber_isNamedWithItsLine() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LeverageBracketReader.read(fixture("leverageBracket-rate-not-a-number.json")));
        assertTrue(e.getMessage().startsWith("leverageBracket-rate-not-a-number.json:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("maintMarginRatio 'abc' is not a number"), e.getMessage());
    }

    @Test
    void malformedJson_isNamedWithItsLine() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LeverageBracketReader.read(fixture("leverageBracket-truncated.json")));
        assertTrue(e.getMessage().startsWith("leverageBracket-truncated.json:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    }
}
