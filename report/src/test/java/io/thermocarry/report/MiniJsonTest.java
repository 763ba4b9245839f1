package io.thermocarry.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniJsonTest {
    @Test
    void parsesTheShapesOfDevToolsReplies() {
        Object o = MiniJson.parse("{\"id\":3,\"result\":{\"result\":{\"type\":\"string\",\"value\":\"[{\\\"x\\\":1.5}]\"}},"
                + "\"ok\":true,\"none\":null,\"list\":[1,-2e3,\"a\\u00e9\\n\"]}");
        Map<?, ?> m = (Map<?, ?>) o;
        assertEquals(3.0, m.get("id"));
        assertEquals("[{\"x\":1.5}]", ((Map<?, ?>) ((Map<?, ?>) m.get("result")).get("result")).get("value"));
        assertEquals(Boolean.TRUE, m.get("ok"));
        assertEquals(null, m.get("none"));
        assertEquals(List.of(1.0, -2000.0, "aé\n"), m.get("list"));
    }

    @Test
    void malformedInput_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("{\"a\":1"));
        assertThrows(IllegalArgumentException.class, () -> MiniJson.parse("[1,2] x"));
    }
}
