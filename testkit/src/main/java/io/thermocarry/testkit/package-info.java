/**
 * Test support, JDK only, never shipped: {@link io.thermocarry.testkit.FakeBinance}, a fake Binance REST API and bulk
 * archive on 127.0.0.1 with injected faults; {@link io.thermocarry.testkit.SyntheticMarket}, the deterministic market
 * it serves; {@link io.thermocarry.testkit.BinanceFormats}, Binance's byte formats for it; and
 * {@link io.thermocarry.testkit.ManualClock}, a clock whose sleeps return at once. No test reaches outside 127.0.0.1.
 */
package io.thermocarry.testkit;
