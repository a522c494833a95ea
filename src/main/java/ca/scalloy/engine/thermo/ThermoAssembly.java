package ca.scalloy.engine.thermo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds {@link ThermoSystem}s from an assembly file ({@code al-corner.assembly}): which TDB file supplies
 * each element's unary data, each binary or ternary description of the solution phases and each
 * compound. The databases are read once; a system per set of elements is built once and kept.
 */
final class ThermoAssembly {

    /** One database named by the assembly. */
    record Source(String key, String fileName, String title) {
    }

    private record PhaseChoice(String phase, String databaseKey, String displayName) {
    }

    private static final ThermoAssembly AL_CORNER = new ThermoAssembly("al-corner.assembly");

    private final String assemblyName;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final List<String> elements = new ArrayList<>();
    private final List<PhaseChoice> solutions = new ArrayList<>();
    private final List<PhaseChoice> compounds = new ArrayList<>();
    /** system key (elements sorted, joined by '-') to database key; phase overrides as "SYSTEM|PHASE". */
    private final Map<String, String> systems = new HashMap<>();
    private String defaultKey;
    private volatile Map<String, TdbDatabase> databases;
    private final Map<Set<String>, ThermoSystem> built = new ConcurrentHashMap<>();

    ThermoAssembly(String assemblyName) {
        this.assemblyName = assemblyName;
        String text;
        try (InputStream in = ThermoAssembly.class.getResourceAsStream(assemblyName)) {
            if (in == null) {
                throw new IllegalStateException(assemblyName + " is missing from the thermodynamic resources");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int lineNo = 0;
        for (String raw : text.split("\n")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            switch (f[0]) {
                case "database":
                    sources.put(f[1], new Source(f[1], f[2], line.substring(line.indexOf(f[2]) + f[2].length()).strip()));
                    break;
                case "elements":
                    elements.addAll(Arrays.asList(f).subList(1, f.length));
                    break;
                case "default":
                    defaultKey = f[1];
                    break;
                case "system":
                    String key = systemKey(Arrays.asList(f[1].split("-")));
                    systems.put(key, f[2]);
                    for (int i = 3; i < f.length; i++) {
                        String[] kv = f[i].split("=");
                        systems.put(key + "|" + kv[0], kv[1]);
                    }
                    break;
                case "solution":
                case "compound":
                    PhaseChoice choice = new PhaseChoice(f[1], f[2], f.length >= 5 && f[3].equals("as") ? f[4] : f[1]);
                    (f[0].equals("solution") ? solutions : compounds).add(choice);
                    break;
                default:
                    throw new IllegalStateException(assemblyName + " line " + lineNo + ": unknown keyword '" + f[0] + "'");
            }
        }
    }

    /** The assembly of the Al-rich corner shipped with Scalloy. */
    static ThermoAssembly alCorner() {
        return AL_CORNER;
    }

    /** The TDB symbols this assembly covers. */
    List<String> elements() {
        return List.copyOf(elements);
    }

    Map<String, Source> sources() {
        return sources;
    }

    /**
     * The system of these elements (TDB symbols; AL is added). Phases whose sublattices are left
     * without a constituent are absent.
     *
     * @throws IllegalArgumentException for an element the assembly does not cover
     */
    ThermoSystem system(Set<String> wanted) {
        Set<String> key = new TreeSet<>(wanted);
        key.add("AL");
        for (String e : key) {
            if (!elements.contains(e)) {
                throw new IllegalArgumentException("element " + e + " is not covered; the data cover " + elements);
            }
        }
        return built.computeIfAbsent(key, this::build);
    }

    private Map<String, TdbDatabase> databases() {
        Map<String, TdbDatabase> dbs = databases;
        if (dbs == null) {
            synchronized (this) {
                dbs = databases;
                if (dbs == null) {
                    dbs = new HashMap<>();
                    for (Source s : sources.values()) {
                        dbs.put(s.key(), TdbReader.resource(s.fileName()));
                    }
                    databases = dbs;
                }
            }
        }
        return dbs;
    }

    private static String systemKey(List<String> elements) {
        return String.join("-", new TreeSet<>(elements));
    }

    /** The database that supplies {@code phase}'s parameters of a system, or null when none may. */
    private String responsible(String system, String phase) {
        String override = systems.get(system + "|" + phase);
        if (override != null) {
            return override;
        }
        String explicit = systems.get(system);
        if (explicit != null) {
            return explicit;
        }
        String[] els = system.split("-");
        if (els.length <= 2) {
            return defaultKey;
        }
        String common = null;
        for (int i = 0; i < els.length; i++) {
            for (int j = i + 1; j < els.length; j++) {
                String d = responsible(systemKey(List.of(els[i], els[j])), phase);
                if (common == null) {
                    common = d;
                } else if (!common.equals(d)) {
                    return null;
                }
            }
        }
        return common;
    }

    private ThermoSystem build(Set<String> elementSet) {
        List<String> order = new ArrayList<>();
        order.add("AL");
        for (String e : elementSet) {
            if (!e.equals("AL")) {
                order.add(e);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        Map<String, TdbDatabase> dbs = databases();
        List<PhaseModel> phases = new ArrayList<>();
        Map<String, Map<String, Set<String>>> provenance = new LinkedHashMap<>();
        Set<String> usedSources = new LinkedHashSet<>();
        for (PhaseChoice choice : solutions) {
            TdbDatabase home = dbs.get(choice.databaseKey());
            TdbDatabase.PhaseDef def = home.phases().get(choice.phase());
            if (def == null) {
                throw new IllegalStateException(assemblyName + ": " + choice.databaseKey() + " has no phase " + choice.phase());
            }
            // Each element is a constituent where the database of its unary lists it.
            List<List<String>> lists = new ArrayList<>();
            for (int s = 0; s < def.constituents().size(); s++) {
                List<String> kept = new ArrayList<>();
                for (String sp : def.constituents().get(s)) {
                    if (sp.equals("VA")) {
                        kept.add(sp);
                    }
                }
                lists.add(kept);
            }
            for (String e : order) {
                TdbDatabase db = dbs.get(responsible(e, choice.phase()));
                TdbDatabase.PhaseDef d = db.phases().get(choice.phase());
                if (d == null) {
                    continue;
                }
                if (!Arrays.equals(d.sites(), def.sites())) {
                    throw new IllegalStateException(assemblyName + ": " + choice.phase() + " has other sublattices in " + db.fileName());
                }
                for (int s = 0; s < d.constituents().size(); s++) {
                    if (d.constituents().get(s).contains(e)) {
                        lists.get(s).add(lists.get(s).size() - (lists.get(s).contains("VA") ? 1 : 0), e);
                    }
                }
            }
            List<TdbDatabase.Param> params = new ArrayList<>();
            List<TdbDatabase> paramDbs = new ArrayList<>();
            for (Map.Entry<String, TdbDatabase> entry : dbs.entrySet()) {
                for (TdbDatabase.Param p : entry.getValue().parameters(choice.phase())) {
                    if (!within(p, lists)) {
                        continue;
                    }
                    String system = systemKey(elementsOf(p));
                    if (entry.getKey().equals(responsible(system, choice.phase()))) {
                        params.add(p);
                        paramDbs.add(entry.getValue());
                        if (system.contains("-") && p.kind().matches("G|L")) {
                            provenance.computeIfAbsent(system, k -> new LinkedHashMap<>())
                                    .computeIfAbsent(entry.getKey(), k -> new TreeSet<>()).add(choice.displayName());
                        }
                        usedSources.add(entry.getKey());
                    }
                }
            }
            PhaseModel model = model(choice, def, home, lists, params, paramDbs, index);
            if (model != null) {
                phases.add(model);
            }
        }
        for (PhaseChoice choice : compounds) {
            TdbDatabase db = dbs.get(choice.databaseKey());
            TdbDatabase.PhaseDef def = db.phases().get(choice.phase());
            if (def == null) {
                throw new IllegalStateException(assemblyName + ": " + choice.databaseKey() + " has no phase " + choice.phase());
            }
            List<List<String>> lists = new ArrayList<>();
            boolean empty = false;
            for (List<String> sub : def.constituents()) {
                List<String> kept = new ArrayList<>();
                for (String sp : sub) {
                    if (sp.equals("VA") || index.containsKey(sp)) {
                        kept.add(sp);
                    }
                }
                empty |= kept.isEmpty();
                lists.add(kept);
            }
            if (empty) {
                continue;
            }
            List<TdbDatabase.Param> params = new ArrayList<>();
            List<TdbDatabase> paramDbs = new ArrayList<>();
            for (TdbDatabase.Param p : db.parameters(choice.phase())) {
                if (within(p, lists)) {
                    params.add(p);
                    paramDbs.add(db);
                }
            }
            PhaseModel model = model(choice, def, db, lists, params, paramDbs, index);
            if (model != null) {
                phases.add(model);
                Set<String> els = new TreeSet<>();
                for (List<String> l : lists) {
                    for (String sp : l) {
                        if (!sp.equals("VA")) {
                            els.add(sp);
                        }
                    }
                }
                provenance.computeIfAbsent(String.join("-", els), k -> new LinkedHashMap<>())
                        .computeIfAbsent(choice.databaseKey(), k -> new TreeSet<>()).add(choice.displayName());
                usedSources.add(choice.databaseKey());
            }
        }
        List<Source> used = new ArrayList<>();
        for (String k : usedSources) {
            used.add(sources.get(k));
        }
        return new ThermoSystem(order, phases, used, provenance);
    }

    private static boolean within(TdbDatabase.Param p, List<List<String>> lists) {
        if (p.constituents().size() != lists.size()) {
            return false;
        }
        for (int s = 0; s < lists.size(); s++) {
            if (!lists.get(s).containsAll(p.constituents().get(s))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> elementsOf(TdbDatabase.Param p) {
        Set<String> out = new TreeSet<>();
        for (List<String> sub : p.constituents()) {
            for (String sp : sub) {
                if (!sp.equals("VA")) {
                    out.add(sp);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private PhaseModel model(PhaseChoice choice, TdbDatabase.PhaseDef def, TdbDatabase home, List<List<String>> lists,
            List<TdbDatabase.Param> params, List<TdbDatabase> paramDbs, Map<String, Integer> index) {
        int n = lists.size();
        int[][] species = new int[n][];
        int[] start = new int[n + 1];
        for (int s = 0; s < n; s++) {
            List<String> l = lists.get(s);
            if (l.isEmpty()) {
                return null;
            }
            species[s] = new int[l.size()];
            for (int j = 0; j < l.size(); j++) {
                species[s][j] = l.get(j).equals("VA") ? PhaseModel.VACANCY : index.get(l.get(j));
            }
            start[s + 1] = start[s] + l.size();
        }
        // A ternary interaction given only at order 0 is symmetric (all three orders equal), as in Thermo-Calc.
        Set<String> ternaryWithOrders = new TreeSet<>();
        for (TdbDatabase.Param p : params) {
            if (p.order() > 0) {
                ternaryWithOrders.add(kindKey(p) + p.constituents());
            }
        }
        List<PhaseModel.Term> g = new ArrayList<>();
        List<PhaseModel.Term> tc = new ArrayList<>();
        List<PhaseModel.Term> bm = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            TdbDatabase.Param p = params.get(i);
            List<PhaseModel.LinearForm> factors = new ArrayList<>();
            int interacting = 0;
            for (int s = 0; s < n; s++) {
                List<String> sub = p.constituents().get(s);
                int[] vars = new int[sub.size()];
                for (int j = 0; j < sub.size(); j++) {
                    vars[j] = start[s] + lists.get(s).indexOf(sub.get(j));
                    if (species[s].length > 1) {
                        factors.add(PhaseModel.LinearForm.variable(vars[j]));
                    }
                }
                if (sub.size() == 2) {
                    interacting++;
                    for (int k = 0; k < p.order(); k++) {
                        factors.add(new PhaseModel.LinearForm(0, new int[] {vars[0], vars[1]}, new double[] {1, -1}));
                    }
                } else if (sub.size() == 3) {
                    interacting++;
                    if (ternaryWithOrders.contains(kindKey(p) + p.constituents())) {
                        if (p.order() > 2) {
                            throw new IllegalStateException(home.fileName() + ": ternary order " + p.order() + " in " + p);
                        }
                        double[] co = {-1.0 / 3, -1.0 / 3, -1.0 / 3};
                        co[p.order()] += 1;
                        factors.add(new PhaseModel.LinearForm(1.0 / 3, vars, co));
                    }
                } else if (sub.size() > 3) {
                    throw new IllegalStateException(home.fileName() + ": more than three constituents interacting in " + p);
                }
            }
            if (interacting > 1 && p.order() > 0) {
                throw new IllegalStateException(home.fileName() + ": a reciprocal parameter of order > 0 is not supported: " + p);
            }
            PhaseModel.Term term = new PhaseModel.Term(p.value(), paramDbs.get(i), factors.toArray(new PhaseModel.LinearForm[0]));
            switch (p.kind()) {
                case "G":
                case "L":
                    g.add(term);
                    break;
                case "TC":
                    tc.add(term);
                    break;
                case "BMAGN":
                    bm.add(term);
                    break;
                default:
                    // parameters of other kinds (mobilities, volumes) are not used
            }
        }
        return new PhaseModel(choice.displayName(), choice.databaseKey(), choice.phase(), def.sites(), species, index.size(), g, tc, bm,
                home.magnetic(choice.phase()));
    }

    private static String kindKey(TdbDatabase.Param p) {
        return p.kind().equals("L") ? "G" : p.kind();
    }

    @Override
    public String toString() {
        return assemblyName + " " + elements.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
    }
}
