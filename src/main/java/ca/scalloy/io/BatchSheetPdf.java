package ca.scalloy.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

import ca.scalloy.engine.Quantities;
import ca.scalloy.engine.charge.ChargeCertainty;
import ca.scalloy.engine.charge.ChargeSensitivity;
import ca.scalloy.engine.charge.ElementTarget;
import ca.scalloy.engine.charge.Material;
import ca.scalloy.engine.charge.MaterialKind;
import ca.scalloy.engine.charge.PassProbability;
import ca.scalloy.engine.doc.AdditionStep;
import ca.scalloy.engine.doc.BatchSheet;
import ca.scalloy.engine.doc.MeltHolding;
import ca.scalloy.engine.doc.SheetHeader;
import ca.scalloy.engine.thermo.PhaseNames;

/**
 * Renders a {@link BatchSheet} as a PDF for the furnace floor, in English or French, on A4 or
 * Letter: header, charge list in order of additions with blanks for weighed kg, time and initials,
 * process log, three analysis blocks against the limits, corrections, yield, sign-offs and safety.
 */
public final class BatchSheetPdf {

    /** Paper sizes the documents come in. */
    public enum Paper {
        A4(PDRectangle.A4), LETTER(PDRectangle.LETTER);

        private final PDRectangle size;

        Paper(PDRectangle size) {
            this.size = size;
        }

        PDRectangle size() {
            return size;
        }
    }

    private BatchSheetPdf() {
    }

    /** The sheet as PDF bytes, without a logo. */
    public static byte[] render(BatchSheet sheet, Locale language, Paper paper) {
        return render(sheet, language, paper, null);
    }

    /**
     * The sheet as PDF bytes.
     *
     * @param logo the company's logo (PNG or JPEG bytes), or null
     */
    public static byte[] render(BatchSheet sheet, Locale language, Paper paper, byte[] logo) {
        return render(sheet, Quantities.of(language), paper, logo);
    }

    /**
     * The sheet as PDF bytes, in the language of {@code q} and with its formatting policy (the plant's
     * currency and elements read in ppm).
     *
     * @param logo the company's logo (PNG or JPEG bytes), or null
     */
    public static byte[] render(BatchSheet sheet, Quantities q, Paper paper, byte[] logo) {
        ResourceBundle b = ResourceBundle.getBundle("ca.scalloy.io.documents", q.locale());
        SheetHeader h = sheet.header();
        try (PdfCanvas c = new PdfCanvas(paper.size)) {
            c.titleBlock(logo, h.company(), h.address(), b.getString("sheet.title"),
                    MessageFormat.format(b.getString("sheet.number"), h.documentNumber(), h.revision()));
            List<String[]> fields = new ArrayList<>();
            fields.add(DocumentText.pair(b, "field.heatNumber", h.heatNumber()));
            fields.add(DocumentText.pair(b, "field.lot", h.lot()));
            fields.add(DocumentText.pair(b, "field.customerOrder", h.customerOrder()));
            fields.add(DocumentText.pair(b, "field.grade", sheet.grade()));
            fields.add(DocumentText.pair(b, "field.specification", h.specification()));
            fields.add(DocumentText.pair(b, "field.furnace", h.furnace()));
            fields.add(DocumentText.pair(b, "field.date", q.isoText(h.date())));
            fields.add(DocumentText.pair(b, "field.shift", h.shift()));
            fields.add(DocumentText.pair(b, "field.plannedMass", q.kgNumber(sheet.plannedMassKg())));
            fields.add(DocumentText.pair(b, "field.operator", h.operator()));
            fields.add(DocumentText.pair(b, "field.recipe", sheet.recipeName()));
            fields.add(DocumentText.pair(b, "field.liquidus", liquidus(sheet.melt(), b, q)));
            fields.add(DocumentText.pair(b, "field.holding", holding(sheet.melt(), b, q)));
            c.fields(fields, 4);

            c.heading(b.getString("section.charge"));
            List<String[]> rows = new ArrayList<>();
            for (AdditionStep s : sheet.additions()) {
                rows.add(new String[] {Integer.toString(s.order()), s.material().name(), s.lot(), assay(s.material(), q),
                        q.kgFineNumber(s.plannedKg()), "", s.recoveryPct() == null ? "—" : q.number(s.recoveryPct(), 0, 1),
                        q.tempC(s.tempC()) + ", " + b.getString(s.note()), "", ""});
            }
            c.table(new String[] {b.getString("col.order"), b.getString("col.material"), b.getString("col.lot"),
                    b.getString("col.assay"), b.getString("col.plannedKg"), b.getString("col.weighedKg"),
                    b.getString("col.recovery"), b.getString("col.addition"), b.getString("col.time"), b.getString("col.initials")},
                    new float[] {0.035f, 0.2f, 0.075f, 0.15f, 0.085f, 0.085f, 0.06f, 0.19f, 0.06f, 0.06f}, rows, 2,
                    new boolean[] {false, false, false, false, true, true, true, false, false, false});

            c.heading(b.getString("section.process"));
            List<String[]> log = new ArrayList<>();
            for (String k : new String[] {"meltStart", "alloyingTemp", "hold", "fluxDegas", "stirring", "skim", "pourTemp",
                    "castStart", "castEnd"}) {
                log.add(DocumentText.pair(b, "process." + k, ""));
            }
            c.fields(log, 3);

            for (String which : new String[] {"first", "second", "final"}) {
                c.heading(MessageFormat.format(b.getString("section.analysis"), b.getString("analysis." + which)));
                List<String[]> lim = new ArrayList<>();
                for (ElementTarget t : sheet.limits()) {
                    // The unit goes with the element ("Na (ppm)") so the hand-written measured value is in it too.
                    lim.add(new String[] {t.element() + " (" + q.contentUnit(t.element()) + ")", content(q, t.element(), t.minPct()),
                            content(q, t.element(), t.aimPct()), content(q, t.element(), t.maxPct()), "", ""});
                }
                c.table(new String[] {b.getString("col.element"), b.getString("col.min"), b.getString("col.aim"),
                        b.getString("col.max"), b.getString("col.measured"), b.getString("col.passFail")},
                        new float[] {0.12f, 0.15f, 0.15f, 0.15f, 0.2f, 0.23f}, lim, 0,
                        new boolean[] {false, true, true, true, true, false});
            }

            c.heading(b.getString("section.corrections"));
            c.table(new String[] {b.getString("col.material"), b.getString("col.lot"), b.getString("col.kg"),
                    b.getString("col.reason"), b.getString("col.after")},
                    new float[] {0.28f, 0.14f, 0.1f, 0.22f, 0.26f}, List.of(), 3, null);

            c.heading(b.getString("section.yield"));
            List<String[]> yield = new ArrayList<>();
            yield.add(DocumentText.pair(b, "yield.charged", MessageFormat.format(b.getString("yield.planned"), q.kgNumber(sheet.chargedKg()))));
            yield.add(DocumentText.pair(b, "yield.cast", ""));
            yield.add(DocumentText.pair(b, "yield.dross", MessageFormat.format(b.getString("yield.planned"), q.kgNumber(sheet.expectedDrossKg()))));
            yield.add(DocumentText.pair(b, "yield.slag", q.kgNumber(sheet.expectedSlagKg())));
            yield.add(DocumentText.pair(b, "yield.meltLoss", MessageFormat.format(b.getString("yield.planned"), q.number(sheet.meltLossPct(), 0, 2))));
            yield.add(DocumentText.pair(b, "yield.scRecovery", sheet.scRecoveryPct() == null ? "—"
                    : MessageFormat.format(b.getString("yield.planned"), q.number(sheet.scRecoveryPct(), 0, 2))));
            yield.add(DocumentText.pair(b, "yield.costPerKg", MessageFormat.format(b.getString("yield.planned"), q.moneyPerKg(sheet.costPerKg()))));
            c.fields(yield, 4);
            c.paragraph(passProbability(sheet.certainty(), b, q), 9, false);

            c.heading(b.getString("section.signoff"));
            c.signatures(new String[] {b.getString("role.melter"), b.getString("role.laboratory"), b.getString("role.quality")},
                    b.getString("signature.nameDate"));

            c.heading(b.getString("section.safety"));
            for (String k : new String[] {"safety.dry", "safety.ppe", "safety.fluoride", "safety.dross"}) {
                c.paragraph(b.getString(k), 8, true);
            }
            if (sheet.sensitivity() != null) {
                appendix(c, sheet.sensitivity(), b, q);
            }
            String ref = h.heatNumber().isEmpty() ? sheet.recipeName() : h.heatNumber();
            return c.finish(MessageFormat.format(b.getString("footer"), ref), b.getString("page"));
        }
    }

    /**
     * "Probability of passing the first sample: 95.1 % (± 0.2 %; Monte Carlo, 10,000 draws; spreads as stated)",
     * then what a robust charge was charged for, and that the property targets are not judged where there are some.
     */
    static String passProbability(ChargeCertainty c, ResourceBundle b, Quantities q) {
        if (c == null || c.passProbability() == null) {
            return b.getString("pass.unknown");
        }
        PassProbability p = c.passProbability();
        String line = new MessageFormat(b.getString("pass.line"), q.locale()).format(new Object[] {q.number(100 * p.passRate(), 1, 1),
            q.number(100 * p.standardError(), 1, 1), p.draws(), b.getString("pass.spreads." + c.spreads().name())});
        if (c.robust() && c.priceOfCertainty() != null) {
            line += " " + MessageFormat.format(b.getString("pass.robust"), q.number(c.confidencePct(), 1, 1),
                    q.number(c.priceOfCertainty(), 2, 2));
        }
        if (c.compositionOnly()) {
            line += " " + b.getString("pass.compositionOnly");
        }
        return line;
    }

    /** The sensitivity appendix: each limit with what relaxing it by 0.01 % saves, each material's price range. */
    private static void appendix(PdfCanvas c, ChargeSensitivity s, ResourceBundle b, Quantities q) {
        c.heading(b.getString("section.sensitivity"));
        if (s.unavailable() != null) {
            c.paragraph(b.getString("sens.unavailable." + s.unavailable().name()), 9, false);
            return;
        }
        List<String[]> limits = new ArrayList<>();
        for (ChargeSensitivity.LimitSensitivity l : s.limits()) {
            limits.add(new String[] {l.element(), b.getString(l.bound() == ChargeSensitivity.Bound.MIN ? "sens.min" : "sens.max"),
                q.number(l.limitPct(), 0, 4), b.getString(l.binding() ? "sens.binding" : "sens.notBinding"),
                l.binding() ? q.number(l.costPerPctRelaxed() / 100, 2, 2) : "—"});
        }
        String saving = MessageFormat.format(b.getString("sens.col.saving"), q.currencyCode());
        c.table(new String[] {b.getString("col.element"), b.getString("sens.col.bound"), b.getString("sens.col.limitPct"),
            b.getString("sens.col.binding"), saving}, new float[] {0.12f, 0.12f, 0.16f, 0.2f, 0.4f}, limits, 0,
                new boolean[] {false, false, true, false, true});
        List<String[]> prices = new ArrayList<>();
        for (ChargeSensitivity.PriceRange p : s.materials()) {
            prices.add(new String[] {p.materialId(), b.getString(p.inCharge() ? "sens.charged" : "sens.notCharged"), q.number(p.pricePerKg(), 2, 2),
                p.priceLow() == null ? "—" : q.number(p.priceLow(), 2, 2), p.priceHigh() == null ? "—" : q.number(p.priceHigh(), 2, 2)});
        }
        String price = MessageFormat.format(b.getString("sens.col.price"), q.currencyCode());
        c.table(new String[] {b.getString("col.material"), b.getString("sens.col.inCharge"), price,
            b.getString("sens.col.priceLow"), b.getString("sens.col.priceHigh")}, new float[] {0.24f, 0.16f, 0.18f, 0.21f, 0.21f}, prices, 0,
                new boolean[] {false, false, true, true, true});
        c.paragraph(b.getString("sens.note"), 8, true);
    }

    /** Writes the sheet to {@code file} through a temporary file, so a failure leaves no half-written PDF. */
    public static void write(BatchSheet sheet, Locale language, Paper paper, Path file) throws IOException {
        write(sheet, language, paper, null, file);
    }

    /** Writes the sheet, with the company's logo (PNG or JPEG bytes, or null), through a temporary file. */
    public static void write(BatchSheet sheet, Locale language, Paper paper, byte[] logo, Path file) throws IOException {
        writeAtomically(render(sheet, language, paper, logo), file);
    }

    /**
     * Writes the sheet in the language and with the formatting policy of {@code q} (the plant's currency
     * and ppm elements), with the company's logo (or null), through a temporary file.
     */
    public static void write(BatchSheet sheet, Quantities q, Paper paper, byte[] logo, Path file) throws IOException {
        writeAtomically(render(sheet, q, paper, logo), file);
    }

    /** Writes {@code pdf} to {@code file} through a temporary file beside it. */
    static void writeAtomically(byte[] pdf, Path file) throws IOException {
        AtomicFiles.write(file, pdf);
    }

    /** The assay the charge was computed with: a metal's listed elements, a compound's formula and purity. */
    private static String assay(Material m, Quantities q) {
        if (m.kind() == MaterialKind.FLUX) {
            return "—";
        }
        if (m.kind() == MaterialKind.COMPOUND) {
            return m.formula().text() + " " + q.percent(m.purityPct());
        }
        StringBuilder sb = new StringBuilder();
        if (!m.composition().balanceElement().equals("Al")) {
            sb.append(m.composition().balanceElement()).append(" bal.");
        }
        for (Map.Entry<String, Double> e : m.composition().wtPct().entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append(' ').append(q.content(e.getKey(), e.getValue()));
        }
        return sb.length() == 0 ? "—" : sb.toString();
    }

    /** A limit or aim in the plant's unit for the element, without the unit; "" when absent. */
    private static String content(Quantities q, String element, Double wtPct) {
        return wtPct == null ? "" : q.contentNumber(element, wtPct);
    }




    /** "798 (Al3Zr primary)" from the thermodynamic data; "640 ± 30" from the dilute model. */
    static String liquidus(MeltHolding melt, ResourceBundle b, Quantities q) {
        if (melt.primaryPhase() != null) {
            return MessageFormat.format(b.getString("liquidus.primary"), q.tempCNumber(melt.liquidusC()), PhaseNames.display(melt.primaryPhase()));
        }
        return melt.liquidusBandC() == null ? q.tempCNumber(melt.liquidusC())
                : q.tempCNumber(melt.liquidusC()) + " ± " + q.tempCNumber(melt.liquidusBandC());
    }

    /** "848 (liquidus + 50)", or "720 (minimum)" where the floor applies. */
    static String holding(MeltHolding melt, ResourceBundle b, Quantities q) {
        return MessageFormat.format(b.getString(melt.floorApplies() ? "holding.floor" : "holding.superheat"), q.tempCNumber(melt.holdingTempC()),
                q.tempCNumber(melt.superheatC()));
    }
}
