package dev.tensorloom.execution.memory;

/** The schedule action a memory sample was taken at. */
public enum MemoryPhase { FORWARD, DROP, RECOMPUTE, BACKWARD }
