package dev.tensorloom.model.catalog;

/** The kind of value a block parameter holds; decides the inspector's editor and the validation. */
public enum ParamType {
    INT, FLOAT, BOOL, CHOICE, STRING, INT_LIST
}
