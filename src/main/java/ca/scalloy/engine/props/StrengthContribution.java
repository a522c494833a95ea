package ca.scalloy.engine.props;

import ca.scalloy.engine.Message;

/**
 * One term of the yield-strength estimate.
 *
 * @param label    what it is, as a code and arguments ({@code contribution.solidSolution} "Mg"); {@link #name()} in English
 * @param valueMPa best estimate, MPa
 * @param lowMPa   low end of its band, MPa
 * @param highMPa  high end of its band, MPa
 */
public record StrengthContribution(Message label, double valueMPa, double lowMPa, double highMPa) {

    /** What it is in English ("base (pure Al)", "solid solution Mg", "grain size (Hall-Petch, 50.0 µm)"). */
    public String name() {
        return label.english();
    }
}
