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

    /**
     * The heat number this pattern finds at the start of {@code text} (a sample number such as
     * {@code H-2026-0142-1} begins with heat {@code H-2026-0142}), if any. The number must end there: a digit
     * right after it means a longer number, not this heat's.
     */
    public java.util.Optional<String> heatNamedAtStartOf(String text) {
        Matcher m = Pattern.compile(regex() + "(?!\\d)").matcher(text == null ? "" : text.strip());
        return m.lookingAt() ? java.util.Optional.of(m.group()) : java.util.Optional.empty();
    }

    private String regex() {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(Pattern.quote(pattern.substring(last, m.start())));
            String p = m.group(1);
            out.append(switch (p.substring(0, Math.min(p.length(), 3))) {
                case "yyy" -> "\\d{4}";
                case "yy", "mm" -> "\\d{2}";
                default -> m.group(2) == null ? "\\d+" : "\\d{" + m.group(2) + "}";
            });
            last = m.end();
        }
        return out.append(Pattern.quote(pattern.substring(last))).toString();
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
