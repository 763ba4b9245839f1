/** The adaptive three-state regime classifier and its exposure multipliers (SPEC §5). */
package io.thermocarry.core.regime;
