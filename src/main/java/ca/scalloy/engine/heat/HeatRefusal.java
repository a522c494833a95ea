package ca.scalloy.engine.heat;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why the heat workflow refuses something, as a code and its arguments (the words come from where it
 * is shown: the workbench's bundles, or {@link #message()} in English for the command line and logs).
 *
 * @param code       what is refused
 * @param heatNumber the heat
 * @param args       the code's arguments, in the order its documentation gives
 */
public record HeatRefusal(Code code, String heatNumber, List<Object> args) {

    /** What is refused. */
    public enum Code {
        /** A move the workflow does not allow. Args: from (HeatStatus), to (HeatStatus), allowed (List of HeatStatus). */
        MOVE_NOT_ALLOWED,
        /** A move from a final state. Args: from, to. */
        STATUS_FINAL,
        /** An action the heat's status does not allow now. Args: action (HeatAction), status (HeatStatus). */
        NOT_NOW,
        /** A sample whose number names another heat. Args: sample number, the heat it names. */
        SAMPLE_OF_ANOTHER_HEAT,
        /**
         * A cast mass outside the plausible range. Args: cast kg, lowest kg, highest kg, planned kg, charged kg
         * (weighed, else planned, plus corrections).
         */
        CAST_MASS_IMPLAUSIBLE,
        /** A weighed mass outside the plausible range. Args: line, weighed kg, lowest kg, highest kg, planned kg. */
        WEIGHED_MASS_IMPLAUSIBLE
    }

    public HeatRefusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(heatNumber, "heatNumber");
        args = List.copyOf(args);
    }

    /** Argument {@code i}. */
    public Object arg(int i) {
        return args.get(i);
    }

    /** The refusal in English, for the command line and logs (the workbench words it from its bundles). */
    public String message() {
        return switch (code) {
            case MOVE_NOT_ALLOWED -> "heat " + heatNumber + ": a heat cannot move from " + arg(0) + " to " + arg(1) + "; allowed: " + arg(2);
            case STATUS_FINAL -> "heat " + heatNumber + ": a heat cannot move from " + arg(0) + " to " + arg(1) + "; " + arg(0) + " is final";
            case NOT_NOW -> notNow((HeatAction) arg(0), (HeatStatus) arg(1));
            case SAMPLE_OF_ANOTHER_HEAT -> "sample " + arg(0) + " names heat " + arg(1) + ", not " + heatNumber
                    + "; nothing stored (if the laboratory numbers samples another way, accept its numbering explicitly)";
            case CAST_MASS_IMPLAUSIBLE -> String.format(Locale.ROOT, "heat %s: a cast of %.1f kg is not plausible: it must be from %.1f"
                    + " to %.1f kg (planned %.1f kg, charged %.1f kg)", heatNumber, arg(0), arg(1), arg(2), arg(3), arg(4));
            case WEIGHED_MASS_IMPLAUSIBLE -> String.format(Locale.ROOT, "heat %s line %d: %.3f kg weighed is not plausible: it must be"
                    + " from %.3f to %.3f kg (planned %.3f kg)", heatNumber, arg(0), arg(1), arg(2), arg(3), arg(4));
        };
    }

    private String notNow(HeatAction action, HeatStatus status) {
        String is = "heat " + heatNumber + " is " + status + "; ";
        return switch (action) {
            case WEIGH -> is + "its charge can no longer be weighed";
            case SAMPLE -> status == HeatStatus.PLANNED ? is + "move it to CHARGED before adding samples" : is + "no more samples can be added";
            case CORRECT -> is + "a correction is recorded on a SAMPLED heat (sample it first)";
            case CAST -> is + "record the cast once it is CAST";
            case CERTIFY -> is + "a certificate is issued once it is CAST";
            default -> is + "it cannot be changed (" + action.what() + ")";
        };
    }
}
