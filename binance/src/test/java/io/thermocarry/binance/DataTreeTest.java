package io.thermocarry.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files {@code ingest <folder>} reads, in which order, and what it leaves out with a reason. */
class DataTreeTest {
    @TempDir
    Path root;

    private void touch(String... relative) throws IOException {
        for (String r : relative) {
            Path p = root.resolve(r);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
    }

    private List<String> rel(List<Path> paths) {
        return paths.stream().map(p -> root.relativize(p).toString()).collect(Collectors.toList());
    }

    @Test
    void listsDataFilesSorted_includingMicrostructure_skipsNotes_andExplainsUnsupportedFolders() throws IOException {
        touch("SOURCES.md", "funding/multi/z.zushen168.csv.gz", "funding/BTCUSDT.csv.gz", "klines/1h/spot/BTCUSDT.csv.gz",
                "klines/1h/futures/BTCUSDT.csv.gz", "micro/SOURCES.md", "micro/bookDepth/BTCUSDT.MrNtex.csv.gz",
                "open_interest/4h/BTCUSDT.gravestone.csv.gz", "crosscheck/8h_x.AHA-HH.csv.gz",
                "crosscheck/funding/BTCUSDT.elvistv.csv.gz", "crosscheck/funding/BTC.yuchengzhang966.json.gz",
                "archive/BTCUSDT-1h-2024-01.zip", "archive/BTCUSDT-1h-2024-01.zip.CHECKSUM", "README", ".hidden.csv",
                "rest/fundingRate.json", "other/data.parquet");
        DataTree.Listing l = DataTree.scan(root);
        assertEquals(List.of("archive/BTCUSDT-1h-2024-01.zip", "crosscheck/funding/BTC.yuchengzhang966.json.gz",
                "crosscheck/funding/BTCUSDT.elvistv.csv.gz", "funding/BTCUSDT.csv.gz", "funding/multi/z.zushen168.csv.gz",
                "klines/1h/futures/BTCUSDT.csv.gz", "klines/1h/spot/BTCUSDT.csv.gz",
                "micro/bookDepth/BTCUSDT.MrNtex.csv.gz", "open_interest/4h/BTCUSDT.gravestone.csv.gz",
                "rest/fundingRate.json"),
                rel(l.files()));
        assertEquals(List.of("crosscheck/8h_x.AHA-HH.csv.gz", "other/data.parquet"),
                rel(l.skipped().stream().map(DataTree.Skipped::path).toList()));
        assertEquals(List.of(
                "cross-check file outside crosscheck/funding (e.g. the multi-exchange AHA-HH layout): unsupported for now",
                "not a supported file type (.csv, .csv.gz, .zip, .json, .json.gz)"),
                l.skipped().stream().map(DataTree.Skipped::reason).toList());
        assertEquals(l.files(), DataTree.files(root));
    }

    @Test
    void aSingleFile_isItsOwnListing() throws IOException {
        touch("klines/1h/spot/BTCUSDT.csv.gz");
        Path f = root.resolve("klines/1h/spot/BTCUSDT.csv.gz");
        assertEquals(List.of(f), DataTree.files(f));
    }

    @Test
    void aMissingFolder_isAnIoError() {
        assertThrows(NoSuchFileException.class, () -> DataTree.scan(root.resolve("nope")));
    }
}
