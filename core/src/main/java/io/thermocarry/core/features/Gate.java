package io.thermocarry.core.features;

/** A desk entry gate's state at a decision: passed, failed, or not evaluated for lack of data. */
public enum Gate {
    /** The feature was evaluated and is within its threshold. */
    PASS,
    /** The feature was evaluated and is past its threshold. */
    FAIL,
    /** No data (or too short a past) to evaluate it: counted, never a silent pass. */
    NOT_EVALUATED
}
