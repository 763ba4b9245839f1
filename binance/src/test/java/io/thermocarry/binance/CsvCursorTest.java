package io.thermocarry.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line and field splitting straight from bytes. */
class CsvCursorTest {

    static List<List<String>> all(CsvCursor cur) throws IOException {
        List<List<String>> out = new ArrayList<>();
        while (cur.next()) {
            List<String> f = new ArrayList<>();
            for (int i = 0; i < cur.fields(); i++) {
                f.add(cur.text(i));
            }
            out.add(f);
        }
        return out;
    }

    static CsvCursor of(String s) {
        return new CsvCursor(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), 0);
    }

    @Test
    void splitsFields_keepingEmptyOnes_andHandlesCrlfAndAMissingFinalNewline() throws IOException {
        assertEquals(List.of(List.of("a", "", "b", ""), List.of("1", "2"), List.of("x")), all(of("a,,b,\r\n1,2\nx")));
    }

    @Test
    void quotedFields_dropTheirQuotes_andKeepCommasInside() throws IOException {
        assertEquals(List.of(List.of("a,b", "c", ""), List.of("say \"\"hi\"\"", "1")),
                all(of("\"a,b\",c,\"\"\n\"say \"\"hi\"\"\",1\n")));
    }

    @Test
    void byteOrderMark_isSkipped() throws IOException {
        CsvCursor cur = of("\uFEFFopen_time,open\n1,2\n");
        assertTrue(cur.next());
        assertTrue(cur.fieldEqualsIgnoreCase(0, "OPEN_TIME"));
    }

    @Test
    void linesCrossingTheReadBuffer_andLinesLongerThanIt_areWhole() throws IOException {
        StringBuilder sb = new StringBuilder();
        int rows = 20_000;
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(",").append(i * 0.5).append(",row").append(i).append('\n');
        }
        String longField = "x".repeat(200_000);
        sb.append("long,").append(longField).append(",end\n");
        // One byte at a time from the stream forces every boundary case of the buffer.
        InputStream trickle = new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7919));
            }
        };
        CsvCursor cur = new CsvCursor(trickle, 0);
        for (int i = 0; i < rows; i++) {
            assertTrue(cur.next());
            assertEquals(i + 1, cur.lineNumber());
            assertEquals(3, cur.fields());
            assertEquals(i, cur.integer(0));
            assertEquals(i * 0.5, cur.number(1));
            assertEquals("row" + i, cur.text(2));
        }
        assertTrue(cur.next());
        assertEquals(longField, cur.text(1));
        assertEquals("end", cur.text(2));
        assertFalse(cur.next());
    }

    @Test
    void lineNumbers_startAfterLinesAlreadyConsumed_andCountBlankLines() throws IOException {
        CsvCursor cur = new CsvCursor(new ByteArrayInputStream("a\n\n  \nb\n".getBytes(StandardCharsets.US_ASCII)), 10);
        assertTrue(cur.next());
        assertEquals(11, cur.lineNumber());
        assertTrue(cur.next());
        assertTrue(cur.isBlank());
        assertTrue(cur.next());
        assertTrue(cur.isBlank());
        assertTrue(cur.next());
        assertEquals(14, cur.lineNumber());
        assertEquals("b", cur.lineText());
        assertEquals(2, cur.nonBlankLines());
    }
}
