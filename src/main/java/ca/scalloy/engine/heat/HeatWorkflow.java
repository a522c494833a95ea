package ca.scalloy.engine.heat;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a heat as rules, asked by the store before it writes, by the workbench before it offers a
 * button and by the commands: the moves allowed from each state ({@link HeatStatus#next()}) and the role
 * each needs ({@link HeatAction}), in which states weighing, sampling, correcting, casting and certifying
 * are allowed, the moves made on their own (a sample on a CHARGED, CORRECTED or CAST heat makes it SAMPLED;
 * an accepted trim makes a SAMPLED heat CORRECTED), whether a sample belongs to the heat, and whether a
 * weighed or cast mass is plausible ({@link HeatTolerances}). Refusals are {@link HeatRefusal}s.
 */
public final class HeatWorkflow {

    private static final Set<HeatStatus> CAST_OR_RELEASED = EnumSet.of(HeatStatus.CAST, HeatStatus.RELEASED);
    private static final Set<HeatStatus> CHARGE_CLOSED = EnumSet.of(HeatStatus.CAST, HeatStatus.RELEASED, HeatStatus.REJECTED);
    private static final Set<HeatStatus> NOT_SAMPLED = EnumSet.of(HeatStatus.PLANNED, HeatStatus.RELEASED, HeatStatus.REJECTED);
    private static final Set<HeatStatus> SAMPLING_MOVES_TO_SAMPLED = EnumSet.of(HeatStatus.CHARGED, HeatStatus.CORRECTED, HeatStatus.CAST);

    private final HeatTolerances tolerances;

    public HeatWorkflow(HeatTolerances tolerances) {
        this.tolerances = Objects.requireNonNull(tolerances, "tolerances");
    }

    /** The workflow with the default tolerances of {@code heat-plausibility.csv}. */
    public static HeatWorkflow standard() {
        return new HeatWorkflow(HeatTolerances.standard());
    }

    /** The tolerances of the plausibility checks. */
    public HeatTolerances tolerances() {
        return tolerances;
    }

    // ---------------------------------------------------------------- moves

    /** The states a heat in {@code from} may move to. */
    public Set<HeatStatus> movesFrom(HeatStatus from) {
        return from.next();
    }

    /** Why a move from {@code from} to {@code to} is refused, or empty when it is allowed. */
    public Optional<HeatRefusal> checkMove(String heatNumber, HeatStatus from, HeatStatus to) {
        Set<HeatStatus> next = from.next();
        if (next.contains(to)) {
            return Optional.empty();
        }
        return Optional.of(next.isEmpty() ? new HeatRefusal(HeatRefusal.Code.STATUS_FINAL, heatNumber, List.of(from, to))
                : new HeatRefusal(HeatRefusal.Code.MOVE_NOT_ALLOWED, heatNumber, List.of(from, to, List.copyOf(next))));
    }

    /**
     * Checks a move.
     *
     * @return {@code to}
     * @throws HeatRuleException when the workflow does not allow it
     */
    public HeatStatus move(String heatNumber, HeatStatus from, HeatStatus to) {
        checkMove(heatNumber, from, to).ifPresent(r -> {
            throw new HeatRuleException(r);
        });
        return to;
    }

    /** The state a heat in {@code from} moves to on its own when a sample is added, if it moves. */
    public Optional<HeatStatus> afterSample(HeatStatus from) {
        return SAMPLING_MOVES_TO_SAMPLED.contains(from) ? Optional.of(HeatStatus.SAMPLED) : Optional.empty();
    }

    /** The state a SAMPLED heat moves to when a correction is accepted. */
    public HeatStatus afterCorrection() {
        return HeatStatus.CORRECTED;
    }

    // ---------------------------------------------------------------- actions by status

    /**
     * Whether a heat in {@code status} allows {@code action}: weighing until it is cast; samples once it is
     * charged and until it is released or rejected; a correction on a SAMPLED heat; a cast record and a
     * certificate once it is CAST (or RELEASED); a move while the state is not final.
     */
    public boolean allows(HeatAction action, HeatStatus status) {
        return switch (action) {
            case PLAN -> true;
            case MOVE, RELEASE, REJECT -> !status.next().isEmpty();
            case WEIGH -> !CHARGE_CLOSED.contains(status);
            case SAMPLE -> !NOT_SAMPLED.contains(status);
            case CORRECT -> status == HeatStatus.SAMPLED;
            case CAST, CERTIFY -> CAST_OR_RELEASED.contains(status);
        };
    }

    /** Why {@code action} is refused on a heat in {@code status}, or empty when it is allowed. */
    public Optional<HeatRefusal> check(HeatAction action, String heatNumber, HeatStatus status) {
        return allows(action, status) ? Optional.empty()
                : Optional.of(new HeatRefusal(HeatRefusal.Code.NOT_NOW, heatNumber, List.of(action, status)));
    }

    /**
     * Refuses {@code action} on a heat in {@code status} when the workflow does not allow it.
     *
     * @throws HeatRuleException naming the heat, its state and the action
     */
    public void require(HeatAction action, String heatNumber, HeatStatus status) {
        check(action, heatNumber, status).ifPresent(r -> {
            throw new HeatRuleException(r);
        });
    }

    // ---------------------------------------------------------------- samples

    /**
     * Why a sample numbered {@code sampleNumber} does not belong to heat {@code heatNumber}: its number
     * begins with another heat's number by the plant's pattern (H-2026-0142-1 names H-2026-0142), or empty.
     */
    public Optional<HeatRefusal> checkSampleNumber(String heatNumber, String sampleNumber, HeatNumberPattern pattern) {
        return pattern.heatNamedAtStartOf(sampleNumber).filter(named -> !named.equals(heatNumber))
                .map(named -> new HeatRefusal(HeatRefusal.Code.SAMPLE_OF_ANOTHER_HEAT, heatNumber, List.of(sampleNumber, named)));
    }

    // ---------------------------------------------------------------- plausible masses

    /**
     * The plausible cast range, kg: from the planned product (or the charged kg, when less went in) less
     * {@code castBelowPlannedPct} to the planned product plus {@code castAbovePlannedPct}, but never above the charged
     * kg plus {@code castAboveChargedPct}. The lowest is taken from the lesser of the two so that a heat charged far
     * short of its plan still has a range (a cast of what went in), not a single mass above the charge.
     *
     * @param plannedKg the planned product mass
     * @param chargedKg what went into the furnace: each line's weighed kg (else planned) plus accepted corrections
     * @return {lowest, highest}
     */
    public double[] castRangeKg(double plannedKg, double chargedKg) {
        double low = Math.min(plannedKg, chargedKg) * (1 - tolerances.castBelowPlannedPct() / 100);
        double high = Math.min(plannedKg * (1 + tolerances.castAbovePlannedPct() / 100),
                chargedKg * (1 + tolerances.castAboveChargedPct() / 100));
        return new double[] {low, high};
    }

    /** Why {@code castKg} is not a plausible cast of the heat, or empty. */
    public Optional<HeatRefusal> checkCast(String heatNumber, double castKg, double plannedKg, double chargedKg) {
        double[] range = castRangeKg(plannedKg, chargedKg);
        if (castKg >= range[0] && castKg <= range[1]) {
            return Optional.empty();
        }
        return Optional.of(new HeatRefusal(HeatRefusal.Code.CAST_MASS_IMPLAUSIBLE, heatNumber,
                List.of(castKg, range[0], range[1], plannedKg, chargedKg)));
    }

    /** The plausible weighed range of a line planned at {@code plannedKg}, kg: {lowest, highest}. */
    public double[] weighedRangeKg(double plannedKg) {
        double dev = Math.max(plannedKg * tolerances.weighedDeviationPct() / 100, tolerances.weighedDeviationKg());
        return new double[] {Math.max(0, plannedKg - dev), plannedKg + dev};
    }

    /** Why {@code weighedKg} is not a plausible weighing of line {@code lineNo} planned at {@code plannedKg}, or empty. */
    public Optional<HeatRefusal> checkWeighed(String heatNumber, int lineNo, double weighedKg, double plannedKg) {
        double[] range = weighedRangeKg(plannedKg);
        if (weighedKg >= range[0] && weighedKg <= range[1]) {
            return Optional.empty();
        }
        return Optional.of(new HeatRefusal(HeatRefusal.Code.WEIGHED_MASS_IMPLAUSIBLE, heatNumber,
                List.of(lineNo, weighedKg, range[0], range[1], plannedKg)));
    }
}
