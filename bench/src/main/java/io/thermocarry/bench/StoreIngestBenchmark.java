package io.thermocarry.bench;

import io.thermocarry.store.Store;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Store#ingest} of one symbol's parsed perp klines and funding into a fresh in-memory store (one transaction
 * per source: appender into staging, anti-join checks, insert, placeholder flags). The store is created before and
 * closed after each invocation, outside the timing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StoreIngestBenchmark {
    private BenchData data;
    private Store store;

    /** Loads the input. */
    @Setup(Level.Trial)
    public void setUp() {
        data = BenchData.get();
    }

    /** A fresh store per invocation. */
    @Setup(Level.Invocation)
    public void openStore() {
        store = Store.inMemory();
    }

    /** Closes it. */
    @TearDown(Level.Invocation)
    public void closeStore() {
        store.close();
    }

    /** Ingests the perp klines and the funding; returns the rows stored. */
    @Benchmark
    public long ingestPerpAndFunding() {
        return store.ingest(data.perpSource).rowsAccepted() + store.ingest(data.fundingSource).rowsAccepted();
    }
}
