package ca.scalloy.engine.thermo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the TDB subset Scalloy needs: {@code ELEMENT}, {@code FUNCTION}, {@code PHASE},
 * {@code CONSTITUENT}, {@code PARAMETER} ({@code G}, {@code L}, {@code TC}, {@code BMAGN}) and magnetic
 * {@code TYPE_DEFINITION}s; keywords may be abbreviated as the files do ({@code CONST},
 * {@code TYPE_DEF}). {@code $} starts a comment to the end of the line, a command runs over any number
 * of lines to its {@code !}. Other commands (DATABASE_INFO, SPECIES, DEFAULT_COMMAND, ...) are skipped.
 */
final class TdbReader {

    private TdbReader() {
    }

    /**
     * Reads a resource of this package.
     *
     * @throws IllegalStateException when it is missing or a command cannot be read (naming the file and command)
     */
    static TdbDatabase resource(String fileName) {
        try (InputStream in = TdbReader.class.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new IllegalStateException(fileName + " is missing from the thermodynamic resources");
            }
            return read(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    /** Reads TDB text; {@code fileName} is used in messages and kept as the database's name. */
    static TdbDatabase read(String fileName, String text) {
        StringBuilder clean = new StringBuilder(text.length());
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = r.readLine()) != null) {
                int dollar = line.indexOf('$');
                clean.append(dollar >= 0 ? line.substring(0, dollar) : line).append(' ');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Double> masses = new LinkedHashMap<>();
        Map<String, Piecewise> functions = new HashMap<>();
        Map<String, TdbDatabase.PhaseDef> phases = new LinkedHashMap<>();
        Map<String, String[]> phaseHeads = new LinkedHashMap<>();
        Map<String, List<List<String>>> constituents = new HashMap<>();
        List<TdbDatabase.Param> params = new ArrayList<>();
        Map<Character, TdbDatabase.Magnetic> magneticTypes = new HashMap<>();
        for (String raw : clean.toString().split("!")) {
            String command = raw.strip().replaceAll("\\s+", " ");
            if (command.isEmpty()) {
                continue;
            }
            String keyword = command.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            String rest = command.length() > keyword.length() ? command.substring(keyword.length()).strip() : "";
            try {
                if (keyword.startsWith("ELEM")) {
                    String[] f = rest.split(" ");
                    masses.put(f[0].toUpperCase(Locale.ROOT), Double.parseDouble(f[2]));
                } else if (keyword.startsWith("FUNC")) {
                    String[] f = rest.split(" ", 2);
                    functions.put(f[0].toUpperCase(Locale.ROOT), piecewise(f[1]));
                } else if (keyword.equals("PHASE")) {
                    String[] f = rest.split(" ");
                    phaseHeads.put(phaseName(f[0]), f);
                } else if (keyword.startsWith("CONST")) {
                    String[] f = rest.split(" ", 2);
                    List<List<String>> lists = new ArrayList<>();
                    for (String part : f[1].split(":")) {
                        if (!part.isBlank()) {
                            lists.add(species(part));
                        }
                    }
                    constituents.put(phaseName(f[0]), lists);
                } else if (keyword.startsWith("PARA")) {
                    params.add(parameter(rest));
                } else if (keyword.startsWith("TYPE_DEF")) {
                    String[] f = rest.replace(",", " ").strip().split(" ");
                    for (int i = 0; i + 2 < f.length; i++) {
                        if (f[i].equalsIgnoreCase("MAGNETIC")) {
                            magneticTypes.put(f[0].charAt(0),
                                    new TdbDatabase.Magnetic(Double.parseDouble(f[i + 1]), Double.parseDouble(f[i + 2])));
                        }
                    }
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(fileName + ": cannot read '" + abbreviate(command) + "': " + e.getMessage(), e);
            }
        }
        Map<String, TdbDatabase.Magnetic> magneticByPhase = new HashMap<>();
        for (Map.Entry<String, String[]> e : phaseHeads.entrySet()) {
            String[] f = e.getValue();
            String codes = f[1];
            int n = Integer.parseInt(f[2]);
            double[] sites = new double[n];
            for (int i = 0; i < n; i++) {
                sites[i] = Double.parseDouble(f[3 + i]);
            }
            List<List<String>> lists = constituents.get(e.getKey());
            if (lists == null || lists.size() != n) {
                throw new IllegalStateException(fileName + ": PHASE " + e.getKey() + " has " + n + " sublattices but its CONSTITUENT list "
                        + (lists == null ? "is missing" : "has " + lists.size()));
            }
            phases.put(e.getKey(), new TdbDatabase.PhaseDef(e.getKey(), codes, sites, lists));
            for (char c : codes.toCharArray()) {
                TdbDatabase.Magnetic m = magneticTypes.get(c);
                if (m != null) {
                    magneticByPhase.put(e.getKey(), m);
                }
            }
        }
        return new TdbDatabase(fileName, masses, functions, phases, params, magneticByPhase);
    }

    private static String phaseName(String token) {
        int colon = token.indexOf(':');
        return (colon >= 0 ? token.substring(0, colon) : token).toUpperCase(Locale.ROOT);
    }

    private static List<String> species(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) {
            String name = s.strip().replace("%", "").toUpperCase(Locale.ROOT);
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    private static TdbDatabase.Param parameter(String rest) {
        int open = rest.indexOf('(');
        int close = rest.indexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("a parameter needs KIND(PHASE,CONSTITUENTS;ORDER)");
        }
        String kind = rest.substring(0, open).strip().toUpperCase(Locale.ROOT);
        String inside = rest.substring(open + 1, close).replace(" ", "");
        int comma = inside.indexOf(',');
        int semicolon = inside.lastIndexOf(';');
        if (semicolon < 0) {
            semicolon = inside.length(); // the order may be left out: 0
        }
        String phase = phaseName(inside.substring(0, comma));
        List<List<String>> array = new ArrayList<>();
        for (String sub : inside.substring(comma + 1, semicolon).split(":")) {
            array.add(species(sub));
        }
        int order = semicolon < inside.length() ? Integer.parseInt(inside.substring(semicolon + 1)) : 0;
        String body = rest.substring(close + 1).strip();
        String[] segments = body.split(";");
        String ref = "";
        String last = segments[segments.length - 1].strip();
        String[] lastTokens = last.split(" ");
        if (lastTokens.length > 2) {
            ref = String.join(" ", Arrays.copyOfRange(lastTokens, 2, lastTokens.length));
        }
        return new TdbDatabase.Param(kind, phase, array, order, piecewise(body), ref);
    }

    /** {@code Tlow expr; T1 Y expr; T2 N [ref]}. */
    static Piecewise piecewise(String body) {
        String[] segments = body.split(";");
        String[] first = segments[0].strip().split(" ", 2);
        double low = Double.parseDouble(first[0]);
        List<Expr> pieces = new ArrayList<>();
        List<Double> uppers = new ArrayList<>();
        pieces.add(Expr.parse(first[1]));
        for (int i = 1; i < segments.length; i++) {
            String[] f = segments[i].strip().split(" ", 3);
            uppers.add(Double.parseDouble(f[0]));
            boolean more = f.length > 1 && f[1].equalsIgnoreCase("Y");
            if (!more) {
                break;
            }
            pieces.add(Expr.parse(f[2]));
        }
        if (uppers.size() != pieces.size()) {
            throw new IllegalArgumentException("the last range has no upper temperature");
        }
        return new Piecewise(low, pieces, uppers);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
