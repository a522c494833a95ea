package ca.scalloy.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one formatting policy for what a user reads, one method per quantity, for the screens and the
 * documents alike. Every number is rounded half-up to the quantity's decimals, and a value that
 * rounds to zero prints unsigned (never "-0.00"). English (en-CA) writes "1,234.5 kg" and "0.15 %";
 * French (fr-CA) writes "1 234,5 kg" with a narrow no-break space (U+202F) between thousands, a
 * comma for the decimal and a no-break space (U+00A0) before "%" and every unit. In both languages a
 * unit is tied to its number by a no-break space so that a line never breaks between them.
 *
 * <p>Trace elements listed in the plant's ppm list (Na, Ca and Be by default, as casthouses read them)
 * print in ppm: 0.0005 wt% is 5 ppm. Money prints with the plant's currency (CAD by default). Dates
 * and times print in the user's time zone: "2026-12-03 14:05" (fr: "2026-12-03 14 h 05") in tables,
 * "December 3, 2026" (fr: "3 décembre 2026") on documents; never an ISO "T".
 */
public final class Quantities {

    /** The currency when the plant has not chosen one. */
    public static final String DEFAULT_CURRENCY = "CAD";
    /**
     * Elements printed in ppm when the plant has not chosen: Na and Ca, which the master-alloy specs
     * hold to 50-100 ppm (they edge-crack Al-Mg), and Be, which the 01570-type specs hold to 2-50 ppm
     * (0.0002-0.005 wt%). No seeded spec limits Li or B, and Cd, Pb, Hg are not in the element table.
     */
    public static final List<String> DEFAULT_PPM_ELEMENTS = List.of("Na", "Ca", "Be");

    private static final char NBSP = '\u00a0';
    private static final char NARROW_NBSP = '\u202f';
    private static final BigDecimal PPM_PER_WT_PCT = BigDecimal.valueOf(10_000);

    private final Locale locale;
    private final String currencyCode;
    private final Set<String> ppmElements;
    private final ZoneId zone;
    private final boolean french;

    /**
     * @param locale       the reader's language (French when its language is "fr", else English)
     * @param currencyCode an ISO 4217 code (e.g. "CAD")
     * @param ppmElements  element symbols printed in ppm
     * @param zone         the reader's time zone
     * @throws IllegalArgumentException when {@code currencyCode} is not an ISO 4217 code
     */
    public Quantities(Locale locale, String currencyCode, Collection<String> ppmElements, ZoneId zone) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.currencyCode = currency(currencyCode).getCurrencyCode();
        this.ppmElements = Set.copyOf(new TreeSet<>(Objects.requireNonNull(ppmElements, "ppmElements")));
        this.zone = Objects.requireNonNull(zone, "zone");
        this.french = "fr".equals(locale.getLanguage());
    }

    /** The plant defaults (CAD; Na and Ca in ppm) in {@code locale} and the machine's time zone. */
    public static Quantities of(Locale locale) {
        return new Quantities(locale, DEFAULT_CURRENCY, DEFAULT_PPM_ELEMENTS, ZoneId.systemDefault());
    }

    /** This policy with the currency {@code code} (ISO 4217). */
    public Quantities withCurrency(String code) {
        return new Quantities(locale, code, ppmElements, zone);
    }

    /** This policy with {@code elements} printed in ppm. */
    public Quantities withPpmElements(Collection<String> elements) {
        return new Quantities(locale, currencyCode, elements, zone);
    }

    /** This policy in the time zone {@code z}. */
    public Quantities withZone(ZoneId z) {
        return new Quantities(locale, currencyCode, ppmElements, z);
    }

    /**
     * Whether {@code code} is an ISO 4217 currency code, for validating a typed setting.
     */
    public static boolean isCurrencyCode(String code) {
        try {
            currency(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Reads a ppm list as the settings keep it ("Na, Ca"): symbols separated by commas, spaces or
     * semicolons; blank gives none.
     *
     * @throws IllegalArgumentException naming the symbol that is not an element
     */
    public static List<String> parsePpmElements(String text) {
        List<String> out = new ArrayList<>();
        for (String s : (text == null ? "" : text).split("[,;\\s]+")) {
            if (s.isBlank()) {
                continue;
            }
            if (!Elements.standard().contains(s)) {
                throw new IllegalArgumentException("ppm elements: \"" + s + "\" is not an element symbol");
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private static Currency currency(String code) {
        if (code == null || !code.strip().matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency: \"" + code + "\" is not an ISO 4217 code such as CAD");
        }
        return Currency.getInstance(code.strip());
    }

    public Locale locale() {
        return locale;
    }

    public String currencyCode() {
        return currencyCode;
    }

    /** The elements printed in ppm, sorted. */
    public Set<String> ppmElements() {
        return ppmElements;
    }

    public ZoneId zone() {
        return zone;
    }

    // ---- bare numbers -------------------------------------------------------------------------

    /**
     * {@code value} with between {@code minDecimals} and {@code maxDecimals} decimals, half-up, grouped
     * by thousands, unsigned when it rounds to zero; "—" when not finite.
     */
    public String number(double value, int minDecimals, int maxDecimals) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(maxDecimals, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            rounded = BigDecimal.ZERO.setScale(maxDecimals);
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setDecimalSeparator(french ? ',' : '.');
        symbols.setGroupingSeparator(french ? NARROW_NBSP : ',');
        symbols.setMinusSign('-');
        DecimalFormat f = new DecimalFormat("#,##0", symbols);
        f.setMinimumFractionDigits(minDecimals);
        f.setMaximumFractionDigits(maxDecimals);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(rounded);
    }

    private String unit(String number, String unit) {
        return number + NBSP + unit;
    }

    // ---- quantities ---------------------------------------------------------------------------

    /** A mass: one decimal, "1,234.5 kg". */
    public String kg(double massKg) {
        return unit(kgNumber(massKg), "kg");
    }

    /** A weighed or trim mass, to the gram: "0.125 kg" (three decimals). */
    public String kgFine(double massKg) {
        return unit(kgFineNumber(massKg), "kg");
    }

    /** A weighed or trim mass without its unit, to the gram. */
    public String kgFineNumber(double massKg) {
        return number(massKg, 3, 3);
    }

    /** A mass without its unit, for a column headed "kg". */
    public String kgNumber(double massKg) {
        return number(massKg, 1, 1);
    }

    /** A composition in wt%: two to four decimals, "0.15 %", "0.0005 %". */
    public String wtPct(double wtPct) {
        return unit(wtPctNumber(wtPct), "%");
    }

    /**
     * A composition in wt% without its unit: two to four decimals, and a trace above 0 that four decimals would show as
     * 0.0000 (a few tenths of a ppm, a detection limit that low) with its first two significant digits, to 0.000001 wt%
     * (0.01 ppm): "0.00003", never "0.00" for something that is there.
     */
    public String wtPctNumber(double wtPct) {
        return number(wtPct, 2, wtPctDecimals(wtPct));
    }

    /**
     * The most decimals a composition in wt% is printed with: 4, and for a trace above 0 that four would show as
     * 0.0000 enough for its first two significant digits, at most 6 (0.01 ppm).
     */
    public static int wtPctDecimals(double wtPct) {
        return wtPct > 0 && wtPct < 0.00005 ? Math.min(6, (int) Math.ceil(-Math.log10(wtPct)) + 1) : 4;
    }

    /** A content in wt% printed as ppm: 0.0005 wt% is "5 ppm"; at most one decimal. */
    public String ppm(double wtPct) {
        return unit(ppmNumber(wtPct), "ppm");
    }

    /** A content in wt% as a ppm number without its unit. */
    public String ppmNumber(double wtPct) {
        if (!Double.isFinite(wtPct)) {
            return "—";
        }
        return number(BigDecimal.valueOf(wtPct).multiply(PPM_PER_WT_PCT).doubleValue(), 0, 1);
    }

    /** Whether the plant reads {@code element} in ppm. */
    public boolean inPpm(String element) {
        return ppmElements.contains(element);
    }

    /** The unit {@code element}'s content prints in: "ppm" or "%". */
    public String contentUnit(String element) {
        return inPpm(element) ? "ppm" : "%";
    }

    /** An element's content (given in wt%) in the plant's unit for it: "0.15 %" or "50 ppm". */
    public String content(String element, double wtPct) {
        return inPpm(element) ? ppm(wtPct) : wtPct(wtPct);
    }

    /** An element's content (given in wt%) in the plant's unit for it, without the unit. */
    public String contentNumber(String element, double wtPct) {
        return inPpm(element) ? ppmNumber(wtPct) : wtPctNumber(wtPct);
    }

    /**
     * An element's limits (wt%, either may be null) in the plant's unit: "1.80–2.20 %", "≤ 0.15 %",
     * "≥ 1.80 %", "≤ 100 ppm"; "—" when neither is set. Never "–0.15", which reads as a negative limit.
     */
    public String limit(String element, Double minWtPct, Double maxWtPct) {
        String u = contentUnit(element);
        if (minWtPct == null && maxWtPct == null) {
            return "—";
        }
        if (minWtPct == null) {
            return "≤" + NBSP + unit(contentNumber(element, maxWtPct), u);
        }
        if (maxWtPct == null) {
            return "≥" + NBSP + unit(contentNumber(element, minWtPct), u);
        }
        return unit(contentNumber(element, minWtPct) + "–" + contentNumber(element, maxWtPct), u);
    }

    /** A general percentage (recovery, yield, melt loss, share): up to two decimals, "83.47 %". */
    public String percent(double pct) {
        return unit(number(pct, 0, 2), "%");
    }

    /** A temperature: whole degrees, "660 °C". */
    public String tempC(double tempC) {
        return unit(number(tempC, 0, 0), "°C");
    }

    /** A temperature without its unit, whole degrees. */
    public String tempCNumber(double tempC) {
        return number(tempC, 0, 0);
    }

    /** A strength: whole MPa, "250 MPa". */
    public String mpa(double mpa) {
        return unit(number(mpa, 0, 0), "MPa");
    }

    /** An electrical conductivity: one decimal, "61.5 %IACS". */
    public String iacs(double pctIacs) {
        return unit(number(pctIacs, 1, 1), "%IACS");
    }

    /** Money in the plant's currency, two decimals: en "$1,234.56", fr "1 234,56 $". */
    public String money(double amount) {
        // A Canadian plant writes its own dollar "$" in both languages (the JDK's fr-CA gives "$ CA").
        String symbol = DEFAULT_CURRENCY.equals(currencyCode) ? "$"
                : Currency.getInstance(currencyCode).getSymbol(french ? Locale.CANADA_FRENCH : Locale.CANADA);
        if (!Double.isFinite(amount)) {
            return "—";
        }
        BigDecimal cents = BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
        String n = number(cents.abs().doubleValue(), 2, 2);
        String sign = cents.signum() < 0 ? "-" : "";
        return french ? sign + n + NBSP + symbol : sign + symbol + n;
    }

    /** A price per kilogram in the plant's currency: "$12.50/kg", fr "12,50 $/kg". */
    public String moneyPerKg(double pricePerKg) {
        return money(pricePerKg) + "/kg";
    }

    // ---- dates and times ------------------------------------------------------------------------

    /** A moment in the reader's zone, for tables: "2026-12-03 14:05", fr "2026-12-03 14 h 05". */
    public String dateTime(Instant at) {
        return dateTimeFormat().format(at.atZone(zone));
    }

    private DateTimeFormatter dateTimeFormat() {
        return DateTimeFormatter.ofPattern(french ? "yyyy-MM-dd HH 'h' mm" : "yyyy-MM-dd HH:mm", locale);
    }

    /** The day of a moment in the reader's zone, for tables: "2026-12-03" in both languages. */
    public String day(Instant at) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(zone));
    }

    /** A day for documents: "December 3, 2026", fr "3 décembre 2026". */
    public String date(LocalDate day) {
        return DateTimeFormatter.ofPattern(french ? "d MMMM yyyy" : "MMMM d, yyyy", french ? Locale.CANADA_FRENCH : Locale.CANADA)
                .format(day);
    }

    /**
     * A date or moment kept as ISO text ("2026-12-03", "2026-12-03T14:05:00Z",
     * "2026-12-03T09:05:00-05:00", "2026-12-03T14:05") for a reader: a day as {@link #date}, a moment
     * as {@link #dateTime} in the reader's zone (a local date-time is taken as already in it). Text
     * that is none of these (typed by hand) is returned as it is; blank gives "".
     */
    public String isoText(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        String s = iso.strip();
        try {
            return date(LocalDate.parse(s));
        } catch (DateTimeParseException notADay) {
            // try the other forms
        }
        try {
            return dateTime(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException notAMoment) {
            // try the other forms
        }
        try {
            return dateTime(ZonedDateTime.parse(s).toInstant());
        } catch (DateTimeParseException notZoned) {
            // try the other forms
        }
        try {
            return dateTimeFormat().format(LocalDateTime.parse(s));
        } catch (DateTimeParseException notLocal) {
            return s;
        }
    }
}
