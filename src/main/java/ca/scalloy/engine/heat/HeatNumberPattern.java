package ca.scalloy.engine.heat;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plant's heat-number pattern, e.g. {@code H-{yyyy}-{seq:4}} → {@code H-2026-0142}. Placeholders:
 * {@code {yyyy}} year, {@code {yy}} two-digit year, {@code {mm}} month, {@code {seq}} or
 * {@code {seq:N}} the sequence number zero-padded to N digits. Exactly one {@code seq} is required.
 */
public record HeatNumberPattern(String pattern) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(yyyy|yy|mm|seq(?::(\\d))?)}");

    public HeatNumberPattern {
        Objects.requireNonNull(pattern, "pattern");
        Matcher m = PLACEHOLDER.matcher(pattern);
        int seqs = 0;
        while (m.find()) {
            if (m.group(1).startsWith("seq")) {
                seqs++;
            }
        }
        if (seqs != 1) {
            throw new IllegalArgumentException("heat number pattern '" + pattern + "' must hold exactly one {seq} (or {seq:N}), has " + seqs);
        }
        String rest = PLACEHOLDER.matcher(pattern).replaceAll("");
        if (rest.contains("{") || rest.contains("}")) {
            throw new IllegalArgumentException("heat number pattern '" + pattern + "' has an unknown placeholder; allowed: {yyyy} {yy} {mm} {seq} {seq:N}");
        }
    }

    /** The default pattern, {@code H-{yyyy}-{seq:4}}. */
    public static HeatNumberPattern standard() {
        return new HeatNumberPattern("H-{yyyy}-{seq:4}");
    }

    /**
     * The heat number for {@code date} and sequence number {@code seq}.
     *
     * @throws IllegalArgumentException for a sequence number below 1
     */
    public String format(LocalDate date, int seq) {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be >= 1, was " + seq);
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String p = m.group(1);
            String value = switch (p.substring(0, Math.min(p.length(), 3))) {
                case "yyy" -> String.format("%04d", date.getYear());
                case "yy" -> String.format("%02d", date.getYear() % 100);
                case "mm" -> String.format("%02d", date.getMonthValue());
                default -> m.group(2) == null ? Integer.toString(seq) : String.format("%0" + m.group(2) + "d", seq);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
