package ca.scalloy.engine.kinetics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import ca.scalloy.engine.MessageException;
import ca.scalloy.engine.props.ModelParameters;

/**
 * A heat-treatment schedule: one or more isothermal steps in order, written {@code "300:24,400:12"}
 * (°C:hours, comma-separated). Every step lies inside what the kinetic model covers
 * ({@code schedule.*} in {@code precipitation-kinetics.csv}).
 *
 * @param steps the steps, at least one
 */
public record AgeingSchedule(List<AgeingStep> steps) {

    public AgeingSchedule {
        steps = List.copyOf(steps);
        ModelParameters k = KineticParameters.standard();
        if (steps.isEmpty()) {
            throw new MessageException("ageing.error.empty", "schedule: no step given (write TEMP_C:HOURS,..., e.g. 300:24,400:12)");
        }
        int max = (int) k.get("schedule.maxSteps");
        if (steps.size() > max) {
            throw new MessageException("ageing.error.steps", "schedule: " + steps.size() + " steps given; at most " + max
                    + " are allowed", steps.size(), max);
        }
        double minC = k.get("schedule.minTempC");
        double maxC = k.get("schedule.maxTempC");
        double maxH = k.get("schedule.maxHoursPerStep");
        for (AgeingStep s : steps) {
            if (s.tempC() < minC || s.tempC() > maxC) {
                throw new MessageException("ageing.error.tempRange", "schedule: temperature " + number(s.tempC()) + " °C in step '" + s
                        + "' is outside what the kinetic model covers (" + number(minC) + " to " + number(maxC) + " °C)", s.tempC(),
                        s.toString(), minC, maxC);
            }
            if (s.hours() > maxH) {
                throw new MessageException("ageing.error.hoursRange", "schedule: " + number(s.hours()) + " h in step '" + s
                        + "' is longer than the " + number(maxH) + " h allowed for one step", s.hours(), s.toString(), maxH);
            }
        }
    }

    /** One step. */
    public static AgeingSchedule of(double tempC, double hours) {
        return new AgeingSchedule(List.of(new AgeingStep(tempC, hours)));
    }

    /**
     * Reads {@code "300:24,400:12"}: steps of TEMP_C:HOURS separated by commas, decimal point, spaces
     * allowed around the numbers.
     *
     * @throws IllegalArgumentException with one line naming the faulty step or value and what is allowed
     */
    public static AgeingSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MessageException("ageing.error.empty",
                    "schedule: empty; write TEMP_C:HOURS steps separated by commas, e.g. 300:24,400:12");
        }
        List<AgeingStep> steps = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String entry = raw.strip();
            String[] parts = entry.split(":", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new MessageException("ageing.error.format", "schedule: '" + entry + "' is not TEMP_C:HOURS (e.g. 300:24,400:12)",
                        entry);
            }
            double tempC = value(parts[0], "temperature", entry);
            double hours = value(parts[1], "hours", entry);
            if (!(hours > 0)) {
                throw new MessageException("ageing.error.hoursPositive", "schedule: hours " + parts[1].strip() + " in step '" + entry
                        + "' must be above 0", parts[1].strip(), entry);
            }
            steps.add(new AgeingStep(tempC, hours));
        }
        return new AgeingSchedule(steps);
    }

    /** Total time, h. */
    public double totalHours() {
        double sum = 0;
        for (AgeingStep s : steps) {
            sum += s.hours();
        }
        return sum;
    }

    /** As written, e.g. {@code 300:24,400:12}. */
    @Override
    public String toString() {
        return steps.stream().map(AgeingStep::toString).collect(Collectors.joining(","));
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    private static double value(String text, String what, String entry) {
        String t = text.strip();
        String code = "temperature".equals(what) ? "ageing.error.tempNumber" : "ageing.error.hoursNumber";
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new MessageException(code, "schedule: " + what + " '" + t + "' in step '" + entry + "' is not a number", t, entry);
        }
        if (!Double.isFinite(v)) {
            throw new MessageException(code, "schedule: " + what + " '" + t + "' in step '" + entry + "' is not a finite number", t,
                    entry);
        }
        return v;
    }
}
