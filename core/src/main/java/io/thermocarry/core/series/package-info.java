/** Derived time series: spot–perp (or mark–index) basis and funding cycles (SPEC §2). */
package io.thermocarry.core.series;
