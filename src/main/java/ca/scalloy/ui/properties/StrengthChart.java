package ca.scalloy.ui.properties;

import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import ca.scalloy.ui.common.CanvasChart;
import ca.scalloy.ui.common.Numbers;

/**
 * The yield-strength contributions as horizontal bars on one MPa scale, each with its low-high
 * band as a whisker, and the total below a rule.
 */
final class StrengthChart extends CanvasChart {

    private static final double ROW_HEIGHT_PX = 28;
    private static final double AXIS_HEIGHT_PX = 24;
    private static final double VALUE_WIDTH_PX = 96;
    private static final double MIN_NAME_WIDTH_PX = 120;
    private static final Color BAR = Color.web("#7fa7cc");
    private static final Color TOTAL = Color.web("#2a6496");
    private static final Color WHISKER = Color.web("#243746");
    private static final Color GRID = Color.web("#e3e7eb");
    private static final Color TEXT = Color.web("#333");

    private List<ContributionRow> rows = List.of();
    private Locale locale = Locale.CANADA;

    void show(List<ContributionRow> all, Locale newLocale) {
        rows = List.copyOf(all);
        locale = newLocale;
        dataChanged();
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(1, rows.size()) * ROW_HEIGHT_PX + AXIS_HEIGHT_PX + 12;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 520;
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.clearRect(0, 0, w, canvas.getHeight());
        if (rows.isEmpty()) {
            return;
        }
        Font plain = Font.font(12);
        Font bold = Font.font(null, FontWeight.BOLD, 12);
        double nameWidth = Math.max(MIN_NAME_WIDTH_PX, Math.min(w * 0.42, 260));
        double x0 = nameWidth + 8;
        double x1 = w - VALUE_WIDTH_PX;
        if (x1 - x0 < 60) {
            return;
        }
        double maxMPa = rows.stream().mapToDouble(r -> Math.max(r.highMPa(), r.valueMPa())).max().orElse(1);
        double step = niceStep(maxMPa, 5);
        double top = maxMPa <= 0 ? step : Math.ceil(maxMPa / step) * step;
        double scale = (x1 - x0) / top;
        double plotBottom = 6 + rows.size() * ROW_HEIGHT_PX;

        g.setFont(plain);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (double v = 0; v <= top + 1e-9; v += step) {
            double x = x0 + v * scale;
            g.setStroke(GRID);
            g.setLineWidth(1);
            g.strokeLine(x, 4, x, plotBottom);
            g.setFill(TEXT);
            g.fillText(Numbers.fixed(v, 0, locale), x, plotBottom + 4);
        }

        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < rows.size(); i++) {
            ContributionRow r = rows.get(i);
            double mid = 6 + i * ROW_HEIGHT_PX + ROW_HEIGHT_PX / 2;
            if (r.total()) {
                g.setStroke(Color.web("#9aa7b2"));
                g.strokeLine(4, mid - ROW_HEIGHT_PX / 2, w - 4, mid - ROW_HEIGHT_PX / 2);
            }
            g.setFont(r.total() ? bold : plain);
            g.setFill(TEXT);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(fit(r.name(), nameWidth - 8, g), 6, mid);
            g.setFill(r.total() ? TOTAL : BAR);
            double barW = Math.max(0, r.valueMPa()) * scale;
            g.fillRect(x0, mid - 7, barW, 14);
            double lo = x0 + Math.max(0, r.lowMPa()) * scale;
            double hi = x0 + Math.max(0, r.highMPa()) * scale;
            g.setStroke(WHISKER);
            g.setLineWidth(1.4);
            g.strokeLine(lo, mid, hi, mid);
            g.strokeLine(lo, mid - 5, lo, mid + 5);
            g.strokeLine(hi, mid - 5, hi, mid + 5);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(TEXT);
            g.fillText(Numbers.fixed(r.valueMPa(), 0, locale) + " (" + Numbers.fixed(r.lowMPa(), 0, locale) + "–"
                    + Numbers.fixed(r.highMPa(), 0, locale) + ")", w - 6, mid);
        }
    }

    /** The text, cut with an ellipsis to fit {@code width}. */
    private static String fit(String text, double width, GraphicsContext g) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(g.getFont());
        if (probe.getLayoutBounds().getWidth() <= width) {
            return text;
        }
        String s = text;
        while (s.length() > 3) {
            s = s.substring(0, s.length() - 1);
            probe.setText(s + "…");
            if (probe.getLayoutBounds().getWidth() <= width) {
                return s + "…";
            }
        }
        return s;
    }

    /** 1, 2 or 5 times a power of ten, giving about {@code steps} steps up to {@code max}. */
    static double niceStep(double max, int steps) {
        double raw = Math.max(max, 1e-9) / steps;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }
}
