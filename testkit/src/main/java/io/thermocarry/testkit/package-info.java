/**
 * Test support, never shipped: {@link io.thermocarry.testkit.FakeBinance}, a fake Binance REST API and bulk archive on
 * 127.0.0.1 with injected faults; {@link io.thermocarry.testkit.SyntheticMarket}, the deterministic market it serves;
 * {@link io.thermocarry.testkit.BinanceFormats}, Binance's byte formats for it; {@link io.thermocarry.testkit.ManualClock},
 * a clock whose sleeps return at once; and the stream replay: {@link io.thermocarry.testkit.StreamRecording} (Binance's
 * stream payloads built from bars), {@link io.thermocarry.testkit.FakeBinanceStreams} (WebSocket servers on 127.0.0.1
 * replaying it with {@link io.thermocarry.testkit.StreamFaults} on a {@link io.thermocarry.testkit.ReplayClock}). JDK
 * only, except the replay's WebSocket framing (Java-WebSocket). No test reaches outside 127.0.0.1.
 */
package io.thermocarry.testkit;
