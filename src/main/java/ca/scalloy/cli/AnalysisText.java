package ca.scalloy.cli;

import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import ca.scalloy.engine.charge.ChargeAnalysis;
import ca.scalloy.engine.charge.ChargeCertainty;
import ca.scalloy.engine.charge.ChargeSensitivity;
import ca.scalloy.engine.charge.ParetoPoint;
import ca.scalloy.engine.charge.PassProbability;

/** The readable lines of {@code batch} for issue 14: probability of passing, sensitivity, cost front. */
final class AnalysisText {

    private AnalysisText() {
    }

    static void print(PrintWriter out, ChargeAnalysis a, List<ParetoPoint> front, ParetoPoint.Axis axis) {
        ResourceBundle b = ResourceBundle.getBundle("ca.scalloy.cli.messages");
        Locale loc = Locale.getDefault();
        ChargeCertainty c = a.certainty();
        if (c != null && c.passProbability() != null) {
            PassProbability p = c.passProbability();
            StringBuilder per = new StringBuilder();
            for (Map.Entry<String, Double> e : p.perElement().entrySet()) {
                per.append(per.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(String.format(loc, "%.1f %%", 100 * e.getValue()));
            }
            out.println();
            out.println(format(b, "pass.line", pct(loc, p.passRate()), p.draws(), p.seed(), per));
            out.println("  " + b.getString("pass.spreads." + c.spreads().name()));
            if (!a.recipe().propertyTargets().isEmpty()) {
                out.println("  " + b.getString("pass.compositionOnly"));
            }
            if (c.robust()) {
                out.println(format(b, "pass.robust", num(loc, c.confidencePct(), 2),
                        c.priceOfCertainty() == null ? "—" : String.format(loc, "%.2f", c.priceOfCertainty()),
                        c.nominalCost() == null ? "—" : String.format(loc, "%.2f", c.nominalCost())));
            }
        }
        if (c == null && a.result().solved()) {
            out.println();
            out.println(b.getString("pass.unknown"));
        }
        if (a.sensitivity() != null) {
            printSensitivity(out, b, loc, a.sensitivity());
        }
        if (front != null) {
            out.println();
            out.println(format(b, axis == ParetoPoint.Axis.CO2 ? "front.co2" : "front.sc", front.size()));
            out.printf(loc, "  %14s %14s %10s%n", b.getString("front.cost"), b.getString("front.co2Kg"), b.getString("front.scKg"));
            for (ParetoPoint p : front) {
                out.printf(loc, "  %14.2f %14.2f %10.4f%n", p.cost(), p.co2Kg(), p.scKg());
            }
        }
    }

    private static void printSensitivity(PrintWriter out, ResourceBundle b, Locale loc, ChargeSensitivity s) {
        out.println();
        if (s.unavailable() != null) {
            out.println(b.getString("sens.unavailable." + s.unavailable().name()));
            return;
        }
        out.println(format(b, "sens.title", s.objective().name()));
        for (ChargeSensitivity.LimitSensitivity l : s.limits()) {
            String limit = l.element() + " " + b.getString(l.bound() == ChargeSensitivity.Bound.MIN ? "sens.min" : "sens.max") + " "
                    + num(loc, l.limitPct(), 4) + " %";
            if (!l.binding()) {
                out.println("  " + format(b, "sens.notBinding", limit));
            } else if (l.co2KgPerPctRelaxed() != null) {
                out.println("  " + format(b, "sens.bindingCo2", limit, String.format(loc, "%.2f", l.costPerPctRelaxed() / 100),
                        String.format(loc, "%.2f", l.co2KgPerPctRelaxed() / 100)));
            } else {
                out.println("  " + format(b, "sens.binding", limit, String.format(loc, "%.2f", l.costPerPctRelaxed() / 100)));
            }
        }
        for (ChargeSensitivity.PriceRange p : s.materials()) {
            String low = p.priceLow() == null ? "—" : String.format(loc, "%.4f", p.priceLow());
            String high = p.priceHigh() == null ? "—" : String.format(loc, "%.4f", p.priceHigh());
            String price = String.format(loc, "%.4f", p.pricePerKg());
            if (p.inCharge()) {
                String key = p.priceLow() == null && p.priceHigh() == null ? "sens.chargedAnyPrice"
                        : p.priceLow() == null ? "sens.chargedUpTo" : p.priceHigh() == null ? "sens.chargedFrom" : "sens.charged";
                out.println("  " + format(b, key, p.materialId(), price, low, high));
            } else if (p.priceLow() != null) {
                out.println("  " + format(b, "sens.enters", p.materialId(), price, low));
            } else {
                out.println("  " + format(b, "sens.neverEnters", p.materialId(), price));
            }
            if (p.co2Low() != null || p.co2High() != null) {
                out.println("    " + format(b, "sens.co2Range", p.co2Low() == null ? "—" : String.format(loc, "%.4f", p.co2Low()),
                        p.co2High() == null ? "—" : String.format(loc, "%.4f", p.co2High())));
            }
        }
        if (s.movesWithPrice()) {
            out.println("  " + b.getString("sens.movesWithPrice"));
        }
    }

    private static String format(ResourceBundle b, String key, Object... args) {
        return new MessageFormat(b.getString(key), Locale.getDefault()).format(args);
    }

    private static String pct(Locale loc, double rate) {
        return String.format(loc, "%.1f %%", 100 * rate);
    }

    private static String num(Locale loc, double v, int maxDecimals) {
        return java.math.BigDecimal.valueOf(v).setScale(maxDecimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
