package ca.scalloy.engine.kinetics;

import ca.scalloy.engine.props.ModelParameters;

/** The kinetic model's data table, {@code precipitation-kinetics.csv}, read once. */
public final class KineticParameters {

    /** The table's resource name beside the engine's other data tables. */
    public static final String TABLE = "precipitation-kinetics.csv";

    private static final ModelParameters STANDARD = ModelParameters.load(TABLE);

    private KineticParameters() {
    }

    /** The parameters shipped with Scalloy, each with its unit, tag and source. */
    public static ModelParameters standard() {
        return STANDARD;
    }
}
