/** Statistics: rolling moments, percentiles, bootstrap, tests and performance metrics. */
package io.thermocarry.core.stats;
