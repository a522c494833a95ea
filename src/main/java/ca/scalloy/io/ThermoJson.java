package ca.scalloy.io;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.scalloy.engine.thermo.DatabaseUse;
import ca.scalloy.engine.thermo.Equilibrium;
import ca.scalloy.engine.thermo.PhaseFraction;
import ca.scalloy.engine.thermo.ScheilCurve;
import ca.scalloy.engine.thermo.ScheilStep;

/**
 * The JSON shapes of {@code scalloy equilibrium --json} and {@code scalloy scheil --json} (issue 12).
 * The keys named in the issue are a contract; others may be added, never renamed.
 */
public final class ThermoJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ThermoJson() {
    }

    /** {@code {tempC, phases: [{name, molFraction, compositionWtPct}], database, ...}}. */
    public static String equilibrium(Equilibrium e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("tempC", round(e.tempC(), 3));
        ArrayNode phases = o.putArray("phases");
        for (PhaseFraction p : e.phases()) {
            ObjectNode n = phases.addObject();
            n.put("name", p.name());
            n.put("molFraction", round(p.molFraction(), 8));
            n.put("massFraction", round(p.massFraction(), 8));
            putComposition(n.putObject("compositionWtPct"), p.compositionWtPct(), 6);
            putComposition(n.putObject("compositionAtPct"), p.compositionAtPct(), 6);
        }
        ObjectNode mu = o.putObject("chemicalPotentialsJPerMol");
        e.chemicalPotentialsJPerMol().forEach((k, v) -> mu.put(k, round(v, 3)));
        o.put("converged", e.converged());
        JsonNodes.putNullableText(o, "note", e.note());
        putDatabase(o, e.database());
        return write(o);
    }

    /** {@code {liquidusC, liquidusPrimaryPhase, solidusC, steps: [{tempC, fractionSolid, phases}], retainedInSolutionWtPct, database, ...}}. */
    public static String scheil(ScheilCurve s) {
        ObjectNode o = MAPPER.createObjectNode();
        number(o, "liquidusC", s.liquidusC(), 2);
        JsonNodes.putNullableText(o, "liquidusPrimaryPhase", s.liquidusPrimaryPhase());
        number(o, "solidusC", s.solidusC(), 2);
        ArrayNode steps = o.putArray("steps");
        for (ScheilStep step : s.steps()) {
            ObjectNode n = steps.addObject();
            n.put("tempC", round(step.tempC(), 3));
            n.put("fractionSolid", round(step.fractionSolid(), 6));
            ArrayNode phases = n.putArray("phases");
            step.phases().forEach(phases::add);
        }
        putComposition(o.putObject("retainedInSolutionWtPct"), s.retainedInSolutionWtPct(), 5);
        putComposition(o.putObject("matrixCompositionWtPct"), s.matrixCompositionWtPct(), 5);
        ObjectNode formed = o.putObject("phaseMolFractions");
        s.phaseFractions().forEach((k, v) -> formed.put(k, round(v, 6)));
        JsonNodes.putNullable(o, "growthRestrictionK", s.growthRestrictionK() == null ? null : round(s.growthRestrictionK(), 3));
        o.put("converged", s.converged());
        JsonNodes.putNullableText(o, "note", s.note());
        putDatabase(o, s.database());
        return write(o);
    }

    /** A number, or null where it could not be computed (NaN is not JSON). */
    private static void number(ObjectNode o, String field, double v, int decimals) {
        JsonNodes.putNullable(o, field, Double.isFinite(v) ? round(v, decimals) : null);
    }

    private static void putComposition(ObjectNode n, Map<String, Double> wt, int decimals) {
        wt.forEach((k, v) -> n.put(k, round(v, decimals)));
    }

    /** Writes which data a result came from as {@code database: {files, systems, omittedWtPct, notes}}. */
    public static void putDatabase(ObjectNode o, DatabaseUse d) {
        ObjectNode db = o.putObject("database");
        ArrayNode files = db.putArray("files");
        d.files().forEach(files::add);
        ObjectNode systems = db.putObject("systems");
        d.systems().forEach(systems::put);
        ObjectNode omitted = db.putObject("omittedWtPct");
        d.omittedWtPct().forEach(omitted::put);
        ArrayNode notes = db.putArray("notes");
        d.notes().forEach(notes::add);
    }

    private static String write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a thermodynamic result could not be written as JSON", e);
        }
    }

    private static double round(double v, int decimals) {
        return Double.isFinite(v) ? ChargeResultJson.round(v, decimals) : v;
    }
}
