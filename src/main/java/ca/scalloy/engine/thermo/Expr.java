package ca.scalloy.engine.thermo;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A TDB expression of temperature: numbers, {@code T}, {@code P}, the operators {@code + - * / **},
 * {@code LN}/{@code LOG} (both natural logarithms, as in Thermo-Calc's TDB), {@code EXP}, and references
 * to FUNCTIONs of the same database (with or without the trailing {@code #}). Pressure is fixed at 1 bar
 * (101325 Pa) throughout Scalloy.
 */
abstract class Expr {

    /** Pressure in Pa used for every evaluation (the databases' reference pressure). */
    static final double PRESSURE_PA = 101325;

    /** The value at temperature {@code tempK}; references are looked up in {@code functions}. */
    abstract double eval(double tempK, FunctionValues functions);

    /** Adds the names of every FUNCTION this expression refers to. */
    abstract void references(Set<String> into);

    /**
     * Gives each reference the index of its FUNCTION in its database (once, when the database is
     * built, before it is shared), so that evaluation looks functions up by index.
     */
    void link(java.util.Map<String, Integer> ids) {
    }

    /** Resolves function values for one evaluation (memoised per temperature by the caller). */
    interface FunctionValues {
        double value(String name, double tempK);

        /** The value of the function with this index (from {@link #link}); -1 when unlinked. */
        default double value(int id, String name, double tempK) {
            return value(name, tempK);
        }
    }

    /**
     * Parses a TDB expression.
     *
     * @throws IllegalArgumentException naming the text and the position of the fault
     */
    static Expr parse(String text) {
        Parser p = new Parser(text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
        Expr e = p.sum();
        if (p.pos != p.s.length()) {
            throw p.fault("unexpected '" + p.s.charAt(p.pos) + "'");
        }
        return e;
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException fault(String what) {
            return new IllegalArgumentException("expression '" + s + "': " + what + " at character " + (pos + 1));
        }

        boolean eat(String token) {
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        Expr sum() {
            Expr left = product();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '+' || c == '-') {
                    pos++;
                    Expr right = product();
                    left = c == '+' ? new Binary('+', left, right) : new Binary('-', left, right);
                } else {
                    break;
                }
            }
            return left;
        }

        Expr product() {
            Expr left = unary();
            while (pos < s.length()) {
                if (s.startsWith("**", pos)) {
                    break;
                }
                char c = s.charAt(pos);
                if (c == '*' || c == '/') {
                    pos++;
                    left = new Binary(c, left, unary());
                } else {
                    break;
                }
            }
            return left;
        }

        Expr unary() {
            if (eat("-")) {
                return new Binary('-', new Constant(0), unary());
            }
            if (eat("+")) {
                return unary();
            }
            return power();
        }

        Expr power() {
            Expr base = primary();
            if (eat("**")) {
                return new Binary('^', base, unary());
            }
            return base;
        }

        Expr primary() {
            if (pos >= s.length()) {
                throw fault("the expression ends early");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Expr inner = sum();
                if (!eat(")")) {
                    throw fault("')' expected");
                }
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                String name = s.substring(start, pos);
                if (pos < s.length() && s.charAt(pos) == '(' && Map.of("LN", 1, "LOG", 1, "EXP", 2).containsKey(name)) {
                    pos++;
                    Expr arg = sum();
                    if (!eat(")")) {
                        throw fault("')' expected after " + name + "(");
                    }
                    return new Call(name.equals("EXP") ? 'e' : 'l', arg);
                }
                eat("#");
                if (name.equals("T")) {
                    return new Temperature();
                }
                if (name.equals("P")) {
                    return new Constant(PRESSURE_PA);
                }
                return new Reference(name);
            }
            throw fault("unexpected '" + c + "'");
        }

        Expr number() {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < s.length() && (s.charAt(pos) == 'E' || s.charAt(pos) == 'D')) {
                int save = pos;
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                int digits = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (digits == pos) {
                    pos = save;
                }
            }
            String text = s.substring(start, pos).replace('D', 'E');
            try {
                return new Constant(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                throw fault("'" + text + "' is not a number");
            }
        }
    }

    private static final class Constant extends Expr {
        final double value;

        Constant(double value) {
            this.value = value;
        }

        @Override
        double eval(double tempK, FunctionValues functions) {
            return value;
        }

        @Override
        void references(Set<String> into) {
        }
    }

    private static final class Temperature extends Expr {
        @Override
        double eval(double tempK, FunctionValues functions) {
            return tempK;
        }

        @Override
        void references(Set<String> into) {
        }
    }

    private static final class Reference extends Expr {
        final String name;
        private int id = -1;

        Reference(String name) {
            this.name = name;
        }

        @Override
        void link(java.util.Map<String, Integer> ids) {
            Integer i = ids.get(name);
            id = i == null ? -1 : i;
        }

        @Override
        double eval(double tempK, FunctionValues functions) {
            return functions.value(id, name, tempK);
        }

        @Override
        void references(Set<String> into) {
            into.add(name);
        }
    }

    private static final class Call extends Expr {
        final char function;
        final Expr arg;

        Call(char function, Expr arg) {
            this.function = function;
            this.arg = arg;
        }

        @Override
        double eval(double tempK, FunctionValues functions) {
            double a = arg.eval(tempK, functions);
            return function == 'e' ? Math.exp(a) : Math.log(a);
        }

        @Override
        void references(Set<String> into) {
            arg.references(into);
        }

        @Override
        void link(java.util.Map<String, Integer> ids) {
            arg.link(ids);
        }
    }

    private static final class Binary extends Expr {
        final char op;
        final Expr left;
        final Expr right;

        Binary(char op, Expr left, Expr right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        double eval(double tempK, FunctionValues functions) {
            double a = left.eval(tempK, functions);
            double b = right.eval(tempK, functions);
            switch (op) {
                case '+':
                    return a + b;
                case '-':
                    return a - b;
                case '*':
                    return a * b;
                case '/':
                    return a / b;
                default:
                    return pow(a, b);
            }
        }

        private static double pow(double a, double b) {
            if (b == Math.rint(b) && Math.abs(b) <= 32) {
                int n = (int) Math.abs(b);
                double r = 1;
                double x = a;
                while (n > 0) {
                    if ((n & 1) == 1) {
                        r *= x;
                    }
                    x *= x;
                    n >>= 1;
                }
                return b < 0 ? 1 / r : r;
            }
            return Math.pow(a, b);
        }

        @Override
        void references(Set<String> into) {
            left.references(into);
            right.references(into);
        }

        @Override
        void link(java.util.Map<String, Integer> ids) {
            left.link(ids);
            right.link(ids);
        }
    }
}
