package io.thermocarry.binance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Lists what {@code ingest <folder>} should read under a folder, in a stable order (sorted paths), and
 * what it leaves out and why.
 *
 * <p>Ingestible: {@code .csv}, {@code .csv.gz}, {@code .zip}, {@code .json}, {@code .json.gz}.
 * Not data and not listed at all: {@code *.CHECKSUM} (read beside their archive), {@code SOURCES.md},
 * {@code README*}, other {@code .md}/{@code .txt} notes and hidden files. The microstructure folders
 * {@code micro/} (book depth, book ticker, liquidations, metrics) and {@code open_interest/} are ingestible
 * (their layouts are recognised by content). Listed as skipped, unsupported for now: {@code crosscheck/} except
 * {@code crosscheck/funding/} (ElvisTV and yuchengzhang966 funding, which are supported); files of other types.
 */
public final class DataTree {

    /**
     * A file left out of ingestion.
     *
     * @param path the file
     * @param reason why, e.g. "open interest: unsupported for now"
     */
    public record Skipped(Path path, String reason) {
        public Skipped {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The result of scanning a folder.
     *
     * @param files ingestible files, sorted
     * @param skipped files left out with their reason, sorted
     */
    public record Listing(List<Path> files, List<Skipped> skipped) {
        public Listing {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    private DataTree() {
    }

    /**
     * Scans {@code root} (a folder, walked recursively, or a single file).
     *
     * @param root the folder (or file) to list
     * @return the ingestible files and the skipped ones, each sorted by path
     * @throws IOException when the folder cannot be walked (missing, unreadable)
     */
    public static Listing scan(Path root) throws IOException {
        List<Path> all = new ArrayList<>();
        if (Files.isRegularFile(root)) {
            all.add(root);
        } else {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile).forEach(all::add);
            }
        }
        all.sort(null);
        List<Path> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path p : all) {
            String name = p.getFileName().toString();
            if (isNote(name)) {
                continue;
            }
            String reason = unsupported(p, name);
            if (reason != null) {
                skipped.add(new Skipped(p, reason));
            } else {
                files.add(p);
            }
        }
        return new Listing(files, skipped);
    }

    /**
     * The ingestible files under {@code root}, sorted; see {@link #scan(Path)} for what is skipped.
     *
     * @param root the folder (or file) to list
     * @return the ingestible files, sorted by path
     * @throws IOException when the folder cannot be walked
     */
    public static List<Path> files(Path root) throws IOException {
        return scan(root).files();
    }

    private static boolean isNote(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.endsWith(".CHECKSUM") || lower.startsWith("readme")
                || lower.equals("sources.md") || lower.endsWith(".md") || lower.endsWith(".txt");
    }

    private static String unsupported(Path p, String name) {
        List<String> seg = new ArrayList<>();
        for (Path part : p.toAbsolutePath().normalize()) {
            seg.add(part.toString());
        }
        int cc = seg.lastIndexOf("crosscheck");
        if (cc >= 0 && !(cc + 1 < seg.size() - 1 && seg.get(cc + 1).equals("funding"))) {
            return "cross-check file outside crosscheck/funding (e.g. the multi-exchange AHA-HH layout): unsupported for now";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".csv") || lower.endsWith(".csv.gz") || lower.endsWith(".zip") || lower.endsWith(".json")
                || lower.endsWith(".json.gz"))) {
            return "not a supported file type (.csv, .csv.gz, .zip, .json, .json.gz)";
        }
        return null;
    }
}
