package ca.scalloy.engine.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.scalloy.engine.Composition;
import ca.scalloy.engine.props.AlloyProperties;
import ca.scalloy.engine.props.Band;
import ca.scalloy.engine.props.ModelParameters;

/**
 * Checks compositions (a recipe's product, a heat's analysis) against specifications.
 *
 * <p>A value inside its limits is MARGINAL when it lies within {@code marginalShare} of the range
 * of the nearer limit: of (max − min) for a two-sided limit, of the bound itself for a one-sided one.
 * "Others each" applies to every element the specification does not list (the balance aside);
 * "others total" to their sum.
 */
public final class ComplianceChecker {

    /** Default share of a range counted as marginal. */
    public static final double DEFAULT_MARGINAL_SHARE = 0.10;
    /** Rounding allowance, wt%: a value this close outside a limit still passes (floating point, not metallurgy). */
    public static final double ROUNDING_PCT = 1e-9;

    private final double marginalShare;

    public ComplianceChecker() {
        this(DEFAULT_MARGINAL_SHARE);
    }

    /**
     * @param marginalShare share (0 to 0.5) of a limit's range within which an inside value is MARGINAL
     */
    public ComplianceChecker(double marginalShare) {
        if (!Double.isFinite(marginalShare) || marginalShare < 0 || marginalShare > 0.5) {
            throw new IllegalArgumentException("marginalShare must be from 0 to 0.5, was " + marginalShare);
        }
        this.marginalShare = marginalShare;
    }

    /**
     * Checks {@code c} against {@code spec}.
     *
     * @param estimates property estimates for the property requirements, or null to skip them
     */
    public ComplianceReport check(Composition c, Specification spec, AlloyProperties estimates) {
        List<ElementCheck> checks = new ArrayList<>();
        ComplianceStatus verdict = ComplianceStatus.PASS;
        for (ElementLimit l : spec.limits()) {
            ElementCheck e = checkElement(l.element(), l.minPct(), l.maxPct(), c.pct(l.element()));
            checks.add(e);
            verdict = verdict.worst(e.status());
        }
        double othersTotal = 0;
        String worstOther = null;
        double worstOtherPct = 0;
        for (Map.Entry<String, Double> e : c.wtPct().entrySet()) {
            if (spec.limit(e.getKey()).isPresent() || e.getValue() <= 0) {
                continue;
            }
            othersTotal += e.getValue();
            if (e.getValue() > worstOtherPct) {
                worstOther = e.getKey();
                worstOtherPct = e.getValue();
            }
        }
        if (spec.othersEachMaxPct() != null) {
            ElementCheck e = checkElement(worstOther == null ? ElementCheck.OTHERS_EACH : ElementCheck.othersEachOf(worstOther), null,
                    spec.othersEachMaxPct(), worstOtherPct);
            checks.add(e);
            verdict = verdict.worst(e.status());
        }
        if (spec.othersTotalMaxPct() != null) {
            ElementCheck e = checkElement(ElementCheck.OTHERS_TOTAL, null, spec.othersTotalMaxPct(), othersTotal);
            checks.add(e);
            verdict = verdict.worst(e.status());
        }
        List<PropertyCheck> props = new ArrayList<>();
        if (estimates != null) {
            for (PropertyRequirement r : spec.properties()) {
                PropertyCheck p = checkProperty(r, estimates);
                props.add(p);
                verdict = verdict.worst(p.status());
            }
        }
        return new ComplianceReport(spec, verdict, checks, props);
    }

    /** Checks {@code c} against each specification in turn (the sector matrix). */
    public List<ComplianceReport> checkAll(Composition c, List<Specification> specs, AlloyProperties estimates) {
        return specs.stream().map(s -> check(c, s, estimates)).toList();
    }

    ElementCheck checkElement(String element, Double min, Double max, double value) {
        double margin = Double.POSITIVE_INFINITY;
        double band = Double.POSITIVE_INFINITY;
        if (min != null) {
            margin = Math.min(margin, value - min);
        }
        if (max != null) {
            margin = Math.min(margin, max - value);
        }
        if (min != null && max != null) {
            band = marginalShare * (max - min);
        } else if (max != null) {
            band = marginalShare * max;
        } else if (min != null) {
            band = marginalShare * min;
        }
        ComplianceStatus status;
        if (margin < -ROUNDING_PCT) {
            status = ComplianceStatus.FAIL;
        } else if (margin < band) {
            status = ComplianceStatus.MARGINAL;
        } else {
            status = ComplianceStatus.PASS;
        }
        return new ElementCheck(element, min, max, value, status, margin);
    }

    /**
     * A property requirement against the estimate: FAIL when the estimate misses it; MARGINAL when it meets it by less
     * than the marginal share, or when the estimate's band reaches past the requirement (the metal may miss it).
     */
    private PropertyCheck checkProperty(PropertyRequirement r, AlloyProperties p) {
        double ratio = ModelParameters.standard().get("strength.utsToYieldRatio");
        double estimate;
        Band band;
        switch (r.property()) {
            case YIELD_STRENGTH_MIN_MPA -> {
                estimate = p.yieldStrength().valueMPa();
                band = p.band("yieldStrengthMPa");
            }
            case TENSILE_STRENGTH_MIN_MPA -> {
                estimate = p.yieldStrength().valueMPa() * ratio;
                Band ys = p.band("yieldStrengthMPa");
                band = ys == null ? null : new Band(ys.low() * ratio, ys.high() * ratio);
            }
            case DENSITY_MAX_G_PER_CM3 -> {
                estimate = p.densityGPerCm3();
                band = p.band("densityGPerCm3");
            }
            default -> {
                estimate = p.conductivityPctIACS();
                band = p.band("conductivityPctIACS");
            }
        }
        double margin = r.property().isMinimum() ? estimate - r.value() : r.value() - estimate;
        double marginal = marginalShare * r.value();
        boolean bandReachesPast = band != null && (r.property().isMinimum() ? band.low() < r.value() : band.high() > r.value());
        ComplianceStatus status = margin < 0 ? ComplianceStatus.FAIL
                : margin < marginal || bandReachesPast ? ComplianceStatus.MARGINAL : ComplianceStatus.PASS;
        return new PropertyCheck(r.property(), r.value(), estimate, status, margin);
    }
}
