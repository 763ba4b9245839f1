package io.thermocarry.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The benchmarks' CPU cost per operation, for machines shared with other work where JMH's wall-clock scores
 * mostly measure the neighbours: each {@link Benchmark} method is run for a warm-up and then for at least
 * {@code seconds} of wall time, and the <em>process</em> CPU time it consumed (all threads: the work, its worker
 * threads, GC and JIT) is divided by the operations. Not a JMH replacement (no forking, no dead-code defence beyond
 * keeping results), a cross-check. Run:
 * {@code java -cp bench/target/benchmarks.jar io.thermocarry.bench.CpuTime [seconds] [filter]}.
 */
public final class CpuTime {
    private static final List<Class<?>> BENCHMARKS = List.of(CsvParseBenchmark.class, StoreIngestBenchmark.class,
            CycleBuildBenchmark.class, MinuteBarsBenchmark.class, RollingOuBenchmark.class, SignalBenchmark.class,
            RegimeBenchmark.class, BacktestBenchmark.class, BootstrapBenchmark.class, SweepBenchmark.class,
            StreamDecodeBenchmark.class);

    private CpuTime() {
    }

    /** Prints one line per benchmark: CPU ms per op, wall ms per op, operations. */
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        String filter = args.length > 1 ? args[1] : "";
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "%-46s %12s %12s %8s%n", "benchmark", "cpu ms/op", "wall ms/op", "ops");
        List<Object> sink = new ArrayList<>();
        for (Class<?> c : BENCHMARKS) {
            Object state = c.getDeclaredConstructor().newInstance();
            run(state, Setup.class, Level.Trial);
            Method[] methods = c.getMethods();
            Arrays.sort(methods, (a, b) -> a.getName().compareTo(b.getName()));
            for (Method m : methods) {
                String name = c.getSimpleName() + "." + m.getName();
                if (!m.isAnnotationPresent(Benchmark.class) || !name.contains(filter)) {
                    continue;
                }
                long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
                while (System.nanoTime() < warmEnd) {
                    sink.add(once(state, m));
                    sink.clear();
                }
                long ops = 0;
                long cpu0 = os.getProcessCpuTime();
                long w0 = System.nanoTime();
                long end = w0 + (long) (seconds * 1e9);
                long excluded = 0;
                while (System.nanoTime() < end || ops < 3) {
                    long s0 = os.getProcessCpuTime();
                    run(state, Setup.class, Level.Invocation);
                    long s1 = os.getProcessCpuTime();
                    sink.add(m.invoke(state));
                    long s2 = os.getProcessCpuTime();
                    run(state, TearDown.class, Level.Invocation);
                    excluded += (s1 - s0) + (os.getProcessCpuTime() - s2);
                    sink.clear();
                    ops++;
                }
                double cpu = (os.getProcessCpuTime() - cpu0 - excluded) / 1e6 / ops;
                double wall = (System.nanoTime() - w0) / 1e6 / ops;
                System.out.printf(Locale.ROOT, "%-46s %12.3f %12.3f %8d%n", name, cpu, wall, ops);
            }
            run(state, TearDown.class, Level.Trial);
        }
    }

    private static Object once(Object state, Method m) throws Exception {
        run(state, Setup.class, Level.Invocation);
        try {
            return m.invoke(state);
        } finally {
            run(state, TearDown.class, Level.Invocation);
        }
    }

    private static void run(Object state, Class<? extends java.lang.annotation.Annotation> kind, Level level)
            throws Exception {
        for (Method m : state.getClass().getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Level l = kind == Setup.class ? (m.isAnnotationPresent(Setup.class) ? m.getAnnotation(Setup.class).value()
                    : null) : (m.isAnnotationPresent(TearDown.class) ? m.getAnnotation(TearDown.class).value() : null);
            if (l == level) {
                m.invoke(state);
            }
        }
    }
}
