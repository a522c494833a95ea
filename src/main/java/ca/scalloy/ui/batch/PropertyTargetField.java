package ca.scalloy.ui.batch;

/**
 * The columns of the property-targets table. {@link #PROPERTY} holds a key of
 * {@link ca.scalloy.engine.charge.PropertyTarget#PROPERTIES} and {@link #PROCESS} a process route's name, both
 * chosen from a list; {@link #SCHEDULE} is an ageing schedule as typed ("325:4"), empty for none.
 */
public enum PropertyTargetField {
    PROPERTY, MIN_VALUE, MAX_VALUE, PROCESS, SCHEDULE
}
