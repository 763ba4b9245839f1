package io.thermocarry.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** PNG export of every figure through the machine's headless Chromium (skips without it, fails so in CI). */
class ChromiumPngExporterTest {
    @Test
    void everyFigure_becomesAPngOfItsOwnSize() throws Exception {
        if (ChromiumPngExporter.findBrowser() == null) {
            String msg = "Chromium not found on the PATH (apt-get install chromium)";
            if (Boolean.getBoolean("thermocarry.requireSharedData")) {
                Assertions.fail(msg + " but thermocarry.requireSharedData=true: CI must have it");
            }
            Assumptions.abort(msg + ": skipping PNG export test");
        }
        Fixture fx = new Fixture();
        Path dir = Path.of("target", "png-fixture");
        Path html = dir.resolve("fixture.html");
        ReportRenderer.write(fx.model, html);
        List<Path> pngs = ChromiumPngExporter.export(html, dir.resolve("png"), fx.model);
        assertEquals(fx.model.figureCount(), pngs.size());
        for (Path p : pngs) {
            byte[] b = Files.readAllBytes(p);
            assertTrue(b[1] == 'P' && b[2] == 'N' && b[3] == 'G', p + " is no PNG");
            int w = ((b[16] & 0xff) << 24) | ((b[17] & 0xff) << 16) | ((b[18] & 0xff) << 8) | (b[19] & 0xff);
            int h = ((b[20] & 0xff) << 24) | ((b[21] & 0xff) << 16) | ((b[22] & 0xff) << 8) | (b[23] & 0xff);
            assertTrue(w >= 600 && h >= 200, p + " is " + w + "×" + h);
        }
        assertTrue(pngs.contains(dir.resolve("png").resolve("synthusdt-buckets-2d.png")));
    }

    @Test
    void aMissingBrowser_isAClearError() {
        String old = System.getProperty("thermocarry.chromium");
        System.setProperty("thermocarry.chromium", "/nonexistent/chromium");
        try {
            ChromiumPngExporter.ExportException e = assertThrows(ChromiumPngExporter.ExportException.class,
                    () -> ChromiumPngExporter.export(Path.of("x.html"), Path.of("target/none"), new Fixture().model));
            assertTrue(e.getMessage().contains("needs Chromium"), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty("thermocarry.chromium");
            } else {
                System.setProperty("thermocarry.chromium", old);
            }
        }
    }
}
