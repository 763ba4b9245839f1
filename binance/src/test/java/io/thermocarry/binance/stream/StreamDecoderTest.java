package io.thermocarry.binance.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.thermocarry.core.market.Market;
import io.thermocarry.core.market.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Binance's payloads as documented and as the live streams send them (shapes copied from real frames). */
class StreamDecoderTest {
    private static final Symbol BTC = new Symbol("BTCUSDT");

    static final String FUTURES_BOOK = "{\"e\":\"bookTicker\",\"u\":400900217,\"E\":1568014460893,\"T\":1568014460891,"
            + "\"s\":\"BNBUSDT\",\"b\":\"25.35190000\",\"B\":\"31.21000000\",\"a\":\"25.36520000\",\"A\":\"40.66000000\"}";
    static final String SPOT_BOOK = "{\"u\":400900217,\"s\":\"BNBUSDT\",\"b\":\"25.35190000\",\"B\":\"31.21000000\","
            + "\"a\":\"25.36520000\",\"A\":\"40.66000000\"}";
    static final String KLINE = "{\"e\":\"kline\",\"E\":1638747660000,\"s\":\"BTCUSDT\",\"k\":{\"t\":1638747660000,"
            + "\"T\":1638747719999,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":100,\"L\":200,\"o\":\"0.0010\",\"c\":\"0.0020\","
            + "\"h\":\"0.0025\",\"l\":\"0.0015\",\"v\":\"1000\",\"n\":100,\"x\":false,\"q\":\"1.0000\",\"V\":\"500\","
            + "\"Q\":\"0.500\",\"B\":\"123456\"}}";
    static final String MARK = "{\"e\":\"markPriceUpdate\",\"E\":1562305380000,\"s\":\"BTCUSDT\",\"p\":\"11794.15000000\","
            + "\"i\":\"11784.62659091\",\"P\":\"11784.25641265\",\"r\":\"0.00038167\",\"T\":1562306400000}";

    private final StreamDecoder decoder = new StreamDecoder();

    @Test
    void futuresBookTicker_decodesEveryField() {
        BookTickerEvent e = (BookTickerEvent) decoder.decode(FUTURES_BOOK, Market.PERP, 7);
        assertEquals(new BookTickerEvent(new Symbol("BNBUSDT"), Market.PERP, 400900217L, 1568014460893L, 25.3519,
                31.21, 25.3652, 40.66), e);
        assertEquals("bnbusdt@bookTicker", e.stream());
    }

    @Test
    void spotBookTicker_hasNoEventTime_soTheReceiveTimeIsUsed() {
        BookTickerEvent e = (BookTickerEvent) decoder.decode(SPOT_BOOK, Market.SPOT, 1_700_000_000_123L);
        assertEquals(Market.SPOT, e.market());
        assertEquals(1_700_000_000_123L, e.eventTimeMs());
        assertEquals(400900217L, e.updateId());
    }

    @Test
    void kline_decodesTheBarSoFar() {
        KlineEvent k = (KlineEvent) decoder.decode(KLINE, Market.SPOT, 0);
        assertEquals(new KlineEvent(BTC, Market.SPOT, "1m", 1638747660000L, 1638747719999L, 0.001, 0.0025, 0.0015,
                0.002, 1000, false, 1638747660000L), k);
        assertEquals("btcusdt@kline_1m", k.stream());
    }

    @Test
    void markPriceUpdate_decodesMarkIndexRateAndNextFunding() {
        MarkPriceEvent m = (MarkPriceEvent) decoder.decode(MARK, Market.PERP, 0);
        assertEquals(new MarkPriceEvent(BTC, 1562305380000L, 11794.15, 11784.62659091, 0.00038167, 1562306400000L), m);
        assertEquals("btcusdt@markPrice@1s", m.stream());
    }

    @Test
    void combinedWrapper_isUnwrapped() {
        String frame = "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":" + MARK + "}";
        assertEquals(decoder.decode(MARK, Market.PERP, 0), decoder.decode(frame, Market.PERP, 0));
        String closed = KLINE.replace("\"x\":false", "\"x\":true");
        KlineEvent k = (KlineEvent) decoder.decode("{\"stream\":\"btcusdt@kline_1m\",\"data\":" + closed + "}",
                Market.PERP, 0);
        assertTrue(k.closed());
        assertEquals(Market.PERP, k.market());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "[1,2,3]",
        "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":4000,\"s\":\"BTCUSDT\",\"b\":\"6",
        "{\"stream\":\"btcusdt@bookTicker\"}",
        "{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\"}",
        "{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"p\":\"abc\",\"i\":\"1\",\"r\":\"0\",\"T\":2}",
        "{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"p\":\"NaN\",\"i\":\"1\",\"r\":\"0\",\"T\":2}",
        "{\"e\":\"markPriceUpdate\",\"E\":\"1\",\"s\":\"BTCUSDT\",\"p\":\"1\",\"i\":\"1\",\"r\":\"0\",\"T\":2}",
        "{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"btc usdt\",\"p\":\"1\",\"i\":\"1\",\"r\":\"0\",\"T\":2}",
        "{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"p\":\"-1\",\"i\":\"1\",\"r\":\"0\",\"T\":2}",
        "{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\"}",
        "{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\",\"k\":{\"t\":5,\"T\":4,\"i\":\"1m\",\"o\":\"1\",\"c\":\"1\","
                + "\"h\":\"1\",\"l\":\"1\",\"v\":\"1\",\"x\":true}}",
        "{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\",\"k\":{\"t\":5,\"T\":9,\"i\":\"1m\",\"o\":\"1\",\"c\":\"1\","
                + "\"h\":\"1\",\"l\":\"1\",\"v\":\"1\",\"x\":\"yes\"}}",
        "{\"u\":1,\"s\":\"BTCUSDT\",\"b\":\"0x1p3\",\"B\":\"1\",\"a\":\"2\",\"A\":\"1\"}",
    })
    void malformedFrames_areAClearError_neverAnotherException(String frame) {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decoder.decode(frame, Market.PERP, 0));
        assertTrue(e.getMessage().startsWith("malformed stream frame: "), e.getMessage());
    }

    @Test
    void markPrice_onTheSpotConnection_isMalformed() {
        assertThrows(MalformedFrameException.class, () -> decoder.decode(MARK, Market.SPOT, 0));
    }

    @Test
    void malformedMessage_namesTheField() {
        String bad = MARK.replace("\"11794.15000000\"", "\"1e\"");
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> decoder.decode(bad, Market.PERP, 0));
        assertTrue(e.getMessage().contains("field 'p'"), e.getMessage());
        assertFalse(e.getMessage().length() > 400);
    }
}
