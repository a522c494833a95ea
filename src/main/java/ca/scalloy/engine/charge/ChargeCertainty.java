package ca.scalloy.engine.charge;

/**
 * How sure a charge is to pass: the confidence it was charged for (if any), what that certainty costs,
 * and the Monte Carlo estimate of its first sample passing.
 *
 * @param confidencePct    the confidence asked for each limit, %, or null for a charge on the nominal analyses
 * @param robust           whether the charge was solved with chance constraints (a confidence above 50 %
 *                         and some deviation that reaches a limit)
 * @param nominalCost      the cost of the charge on the nominal analyses (same recipe, no confidence), or
 *                         null when that is infeasible
 * @param priceOfCertainty the robust charge's cost less the nominal one; 0 for a charge that is not robust;
 *                         null when either has no charge
 * @param passProbability  the Monte Carlo estimate for the charge shown, or null when it has no charge
 * @param cutRounds        rounds of cuts the chance constraints took (0 when not robust)
 * @param converged        false when a stage ran out of rounds with a chance constraint still violated by
 *                         more than its tolerance
 * @param spreads          where the spreads drawn came from: stated by the materials, learned from the plant's heats
 *                         or the reference data's defaults
 * @param compositionOnly  true when the recipe has property targets: the draws judge its composition limits only
 *                         (the targets are met on the nominal analyses), which every place that shows the
 *                         probability says
 */
public record ChargeCertainty(Double confidencePct, boolean robust, Double nominalCost, Double priceOfCertainty,
                              PassProbability passProbability, int cutRounds, boolean converged, DefaultSpreads.Source spreads,
                              boolean compositionOnly) {

    /** The certainty of a recipe without property targets. */
    public ChargeCertainty(Double confidencePct, boolean robust, Double nominalCost, Double priceOfCertainty,
                           PassProbability passProbability, int cutRounds, boolean converged, DefaultSpreads.Source spreads) {
        this(confidencePct, robust, nominalCost, priceOfCertainty, passProbability, cutRounds, converged, spreads, false);
    }
}
