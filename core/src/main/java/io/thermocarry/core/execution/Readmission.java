package io.thermocarry.core.execution;

/** When a child may admit a new position inside a funding interval after one was closed in it. */
public enum Readmission {
    /** Not before the next settlement: at most one round trip per funding interval (default, low churn). */
    NEXT_SETTLEMENT,
    /** At any later child bar close whose admission tests pass. */
    ANY_CHILD_BAR
}
