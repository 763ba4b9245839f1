/** The market model: symbols, markets, bars, funding events and their column-form series; validated values. */
package io.thermocarry.core.market;
