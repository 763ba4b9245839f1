/**
 * JMH benchmarks of thermocarry's hot paths, each on a realistic input ({@link io.thermocarry.bench.BenchData}: the
 * shared Binance history of BTCUSDT, or a synthetic OU market of the same size when it is absent). Not run by the
 * build; see {@code docs/PERFORMANCE.md} for the command and the figures.
 */
package io.thermocarry.bench;
