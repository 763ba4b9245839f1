package io.thermocarry.bench;

import io.thermocarry.binance.BinanceReader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing one symbol's hourly perp kline file (gzip, checksum, CSV cursor, validation) into column series. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CsvParseBenchmark {
    private BenchData data;

    /** Loads the input. */
    @Setup
    public void setUp() {
        data = BenchData.get();
    }

    /** {@link BinanceReader#read(java.nio.file.Path)} of the perp file; returns the rows accepted. */
    @Benchmark
    public long parsePerpKlines() {
        return BinanceReader.read(data.perpFile).rowsAccepted();
    }
}
