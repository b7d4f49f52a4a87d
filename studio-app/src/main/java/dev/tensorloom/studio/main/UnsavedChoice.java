package dev.tensorloom.studio.main;

/** The answer to "save changes before discarding them?". */
public enum UnsavedChoice { SAVE, DISCARD, CANCEL }
