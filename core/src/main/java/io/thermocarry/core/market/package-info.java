/**
 * The market model: symbols, markets, bars, funding events, open interest and their column-form series; validated
 * values.
 */
package io.thermocarry.core.market;
