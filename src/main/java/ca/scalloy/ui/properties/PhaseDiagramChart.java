package ca.scalloy.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import ca.scalloy.engine.phase.PhaseDiagram;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;

/**
 * The phase diagram drawn with shapes, like a textbook figure: framed axes with ticks and units,
 * the liquidus with its uncertainty band shaded, the solidus, solvus and invariant line, the phase
 * fields named, and the alloy as a dashed vertical line ({@code #alloyMarker}) with marks at its
 * ageing temperature and its liquidus. Redrawn from a {@link PhaseDiagramViewModel.Diagram}.
 */
final class PhaseDiagramChart extends Region {

    private static final double LEFT_PX = 74;
    private static final double RIGHT_PX = 28;
    private static final double TOP_PX = 52;
    private static final double BOTTOM_PX = 84;
    /** About this many steps along the composition axis. */
    private static final int X_TICKS = 8;
    private static final Color INK = Color.web("#1d2731");
    private static final Color GRID = Color.web("#e6eaee");
    private static final Color LIQUIDUS = Color.web("#b03a2e");
    private static final Color BAND = Color.web("#e8846f", 0.22);
    private static final Color ALLOY = Color.web("#1f5f99");
    private static final Color NOTE = Color.web("#5a6772");
    private static final Font TICK_FONT = Font.font(12);
    private static final Font FIELD_FONT = Font.font(null, FontWeight.NORMAL, FontPosture.ITALIC, 15);
    private static final Font LABEL_FONT = Font.font(12);
    private static final Font TITLE_FONT = Font.font(null, FontWeight.BOLD, 15);

    private final Messages m;
    private PhaseDiagramViewModel.Diagram diagram;
    private double plotX;
    private double plotY;
    private double plotW;
    private double plotH;

    PhaseDiagramChart(Messages messages) {
        this.m = messages;
        getStyleClass().add("phase-diagram");
        setMinSize(420, 320);
    }

    void show(PhaseDiagramViewModel.Diagram d) {
        diagram = d;
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 640;
    }

    @Override
    protected void layoutChildren() {
        draw();
    }

    /** The x of {@code wtPct} in scene coordinates (for tests and tooltips). */
    double sceneXFor(double wtPct) {
        return localToScene(x(wtPct), 0).getX();
    }

    private double x(double wtPct) {
        return plotX + wtPct / diagram.maxWtPct() * plotW;
    }

    private double y(double tempC) {
        return plotY + (diagram.maxTempC() - tempC) / (diagram.maxTempC() - diagram.minTempC()) * plotH;
    }

    private void draw() {
        getChildren().clear();
        if (diagram == null || getWidth() < 100 || getHeight() < 100) {
            return;
        }
        plotX = LEFT_PX;
        plotY = TOP_PX;
        plotW = getWidth() - LEFT_PX - RIGHT_PX;
        plotH = getHeight() - TOP_PX - BOTTOM_PX;
        PhaseDiagramViewModel.Diagram d = diagram;
        String solute = d.binary().solute();
        String precipitate = subscripts(d.precipitate().split(" ")[0]);

        Rectangle background = new Rectangle(0, 0, getWidth(), getHeight());
        background.setFill(Color.WHITE);
        getChildren().add(background);
        axes(solute);

        Group curves = new Group();
        curves.setClip(new Rectangle(plotX, plotY, plotW, plotH));
        PhaseDiagram.Invariant inv = d.invariant();
        if (!d.liquidus().isEmpty()) {
            curves.getChildren().addAll(band(d.liquidus()), polyline(d.liquidus(), LIQUIDUS, 2.2));
        }
        Line solidus = line(x(0), y(d.pureAlC()), x(inv.solidWtPct()), y(inv.tempC()), INK, 1.6);
        Line invariantLine = line(x(inv.solidWtPct()), y(inv.tempC()), plotX + plotW, y(inv.tempC()), INK, 1.6);
        curves.getChildren().addAll(solidus, invariantLine, polyline(d.solvus(), INK, 1.6));
        if (inv.liquidWtPct() != null) {
            Circle point = new Circle(x(inv.liquidWtPct()), y(inv.tempC()), 4, INK);
            curves.getChildren().add(point);
        }
        getChildren().add(curves);

        fieldLabels(d, precipitate);
        invariantLabel(d, inv);
        alloy(d, solute);
        legend(d);
        Text title = text(m.get("diagram.title." + d.binary().name()), plotX, 22, TITLE_FONT, INK);
        Text note = text(m.get("diagram.note." + d.binary().name()), plotX, getHeight() - 16, LABEL_FONT, NOTE);
        note.setWrappingWidth(plotW);
        getChildren().addAll(title, note);
        Rectangle frame = new Rectangle(plotX, plotY, plotW, plotH);
        frame.setFill(null);
        frame.setStroke(INK);
        frame.setStrokeWidth(1.2);
        getChildren().add(frame);
    }

    private void axes(String solute) {
        PhaseDiagramViewModel.Diagram d = diagram;
        double xStep = StrengthChart.niceStep(d.maxWtPct(), X_TICKS);
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(xStep) - 1e-9));
        for (int i = 0; i * xStep <= d.maxWtPct() + 1e-9; i++) {
            double w = i * xStep;
            double px = x(w);
            getChildren().add(line(px, plotY, px, plotY + plotH, GRID, 1));
            getChildren().add(line(px, plotY + plotH, px, plotY + plotH + 6, INK, 1));
            Text t = text(Numbers.fixed(w, decimals, m.locale()), px, plotY + plotH + 10, TICK_FONT, INK);
            center(t);
            getChildren().add(t);
        }
        for (double c = Math.ceil(d.minTempC() / 50) * 50; c <= d.maxTempC() + 1e-9; c += 50) {
            double py = y(c);
            boolean labelled = Math.round(c) % 100 == 0;
            getChildren().add(line(plotX, py, plotX + plotW, py, GRID, 1));
            getChildren().add(line(plotX - (labelled ? 6 : 3), py, plotX, py, INK, 1));
            if (labelled) {
                Text t = text(Numbers.fixed(c, 0, m.locale()), plotX - 10, py, TICK_FONT, INK);
                t.setTextOrigin(VPos.CENTER);
                t.setX(plotX - 10 - t.getLayoutBounds().getWidth());
                getChildren().add(t);
            }
        }
        Text xTitle = text(m.get("diagram.axis.wtPct", solute), plotX + plotW / 2, plotY + plotH + 34, LABEL_FONT, INK);
        xTitle.setFont(Font.font(null, FontWeight.BOLD, 13));
        center(xTitle);
        Text yTitle = text(m.get("diagram.axis.temp"), 0, 0, Font.font(null, FontWeight.BOLD, 13), INK);
        yTitle.setRotate(-90);
        double tw = yTitle.getLayoutBounds().getWidth();
        yTitle.setX(18 - tw / 2 + 4);
        yTitle.setY(plotY + plotH / 2);
        getChildren().addAll(xTitle, yTitle);
    }

    private void fieldLabels(PhaseDiagramViewModel.Diagram d, String precipitate) {
        PhaseDiagram.Invariant inv = d.invariant();
        double max = d.maxWtPct();
        double invC = inv.tempC();
        // (Al): in the middle of the single-phase field, at the height where it is widest below the invariant.
        double alLabelC = invC - 0.35 * (invC - d.minTempC());
        double solvusAt = solvusWtPct(d.solvus(), alLabelC);
        field(m.get("diagram.field.Al"), Math.min(solvusAt / 2, max / 2), alLabelC);
        field(m.get("diagram.field.AlPlus", precipitate), Math.max(0.62 * max, solvusAt * 1.5), (invC + d.minTempC()) / 2);
        if (!d.liquidus().isEmpty() && inv.liquidWtPct() != null) {
            double top = d.liquidus().get(d.liquidus().size() - 1).tempC();
            field(m.get("diagram.field.L"), 0.3 * max, Math.max(top, 700) + 0.45 * (d.maxTempC() - Math.max(top, 700)));
            if (max > inv.liquidWtPct() * 1.25) {
                double w = inv.liquidWtPct() + 0.7 * (max - inv.liquidWtPct());
                double liq = liquidusAt(d.liquidus(), w);
                if (y(invC) - y(liq) > 22) {
                    field(m.get("diagram.field.LPlus", precipitate), w, (liq + invC) / 2);
                }
            }
        } else {
            double labelC = invC + Math.min(30, 0.1 * (d.maxTempC() - invC));
            field(m.get("diagram.field.LPlus", precipitate), 0.62 * max, labelC);
        }
    }

    private void invariantLabel(PhaseDiagramViewModel.Diagram d, PhaseDiagram.Invariant inv) {
        String label = inv.liquidWtPct() != null
                ? m.get("diagram.eutectic", Numbers.flexible(inv.tempC(), 0, 1, m.locale()),
                        Numbers.fixed(inv.liquidWtPct(), 2, m.locale()))
                : m.get("diagram.peritectic", Numbers.flexible(inv.tempC(), 0, 1, m.locale()));
        // On the isotherm at the right, below it, where the alloy's marks seldom are.
        Text t = text(label, 0, y(inv.tempC()) + 4, LABEL_FONT, INK);
        t.setTextOrigin(VPos.TOP);
        t.setX(plotX + plotW - 8 - t.getLayoutBounds().getWidth());
        halo(t);
    }

    private void alloy(PhaseDiagramViewModel.Diagram d, String solute) {
        PhaseDiagramViewModel.Alloy a = d.alloy();
        if (a == null) {
            Text none = text(m.get("diagram.noAlloy"), plotX + 8, plotY + 18, LABEL_FONT, NOTE);
            getChildren().add(none);
            return;
        }
        String content = Numbers.flexible(a.soluteWtPct(), 2, 3, m.locale());
        if (a.soluteWtPct() > d.maxWtPct()) {
            Text off = text(m.get("diagram.alloyOffScale", content, solute), plotX + 8, plotY + 18, LABEL_FONT, ALLOY);
            getChildren().add(off);
            return;
        }
        double px = x(a.soluteWtPct());
        Group marker = new Group();
        marker.setId("alloyMarker");
        Line stem = line(px, plotY, px, plotY + plotH, ALLOY, 1.8);
        stem.getStrokeDashArray().setAll(7.0, 4.0);
        marker.getChildren().add(stem);
        List<Text> labels = new ArrayList<>();
        if (a.ageTempC() != null && a.ageTempC() >= d.minTempC()) {
            double py = y(a.ageTempC());
            Rectangle square = new Rectangle(px - 5, py - 5, 10, 10);
            square.setFill(ALLOY);
            square.setId("alloyAgeingMarker");
            marker.getChildren().add(square);
            labels.add(text(m.get("diagram.alloyAgeing", Numbers.fixed(a.ageTempC(), 0, m.locale())), px + 10, py,
                    LABEL_FONT, ALLOY));
        }
        if (a.liquidusC() != null && a.liquidusC() <= d.maxTempC()) {
            double py = y(a.liquidusC());
            Line bar = line(px, y(a.liquidusC() + a.liquidusBandC()), px, y(a.liquidusC() - a.liquidusBandC()), ALLOY, 3);
            Circle dot = new Circle(px, py, 5.5, Color.WHITE);
            dot.setStroke(ALLOY);
            dot.setStrokeWidth(2.2);
            dot.setId("alloyLiquidusMarker");
            marker.getChildren().addAll(bar, dot);
            labels.add(text(m.get("diagram.alloyLiquidus", Numbers.fixed(a.liquidusC(), 0, m.locale()),
                    Numbers.fixed(a.liquidusBandC(), 0, m.locale())), px + 10, py, LABEL_FONT, ALLOY));
        }
        String name = a.name().isBlank() ? m.get("diagram.alloyUnnamed", content, solute)
                : m.get("diagram.alloy", a.name(), content, solute);
        labels.add(text(name, px + 8, plotY + 14, Font.font(null, FontWeight.BOLD, 12), ALLOY));
        getChildren().add(marker);
        for (Text t : labels) {
            t.setTextOrigin(VPos.CENTER);
            // Labels of an alloy near the right edge go to the left of its line.
            if (t.getX() + t.getLayoutBounds().getWidth() > plotX + plotW - 4) {
                t.setX(px - 10 - t.getLayoutBounds().getWidth());
            }
            halo(t);
        }
    }

    private void legend(PhaseDiagramViewModel.Diagram d) {
        double lx = plotX + plotW - 230;
        double ly = plotY + 12;
        List<Node> items = new ArrayList<>();
        int row = 0;
        if (!d.liquidus().isEmpty()) {
            Rectangle swatch = new Rectangle(lx, ly - 6, 30, 12);
            swatch.setFill(BAND);
            items.add(swatch);
            items.add(line(lx, ly, lx + 30, ly, LIQUIDUS, 2.2));
            items.add(text(m.get("diagram.legend.liquidus"), lx + 38, ly, LABEL_FONT, INK));
            row++;
        }
        double y1 = ly + row * 20;
        items.add(line(lx, y1, lx + 30, y1, INK, 1.6));
        items.add(text(m.get("diagram.legend.solvus"), lx + 38, y1, LABEL_FONT, INK));
        row++;
        double y2 = ly + row * 20;
        Line alloyLine = line(lx, y2, lx + 30, y2, ALLOY, 1.8);
        alloyLine.getStrokeDashArray().setAll(7.0, 4.0);
        items.add(alloyLine);
        items.add(text(m.get("diagram.legend.alloy"), lx + 38, y2, LABEL_FONT, INK));
        row++;
        double width = 0;
        for (Node n : items) {
            if (n instanceof Text t) {
                t.setTextOrigin(VPos.CENTER);
                width = Math.max(width, t.getX() + t.getLayoutBounds().getWidth() - lx);
            }
        }
        // Bottom right, in the two-phase field under the invariant, clear of the alloy's name at the top.
        double shift = plotX + plotW - 12 - (lx + width);
        double drop = plotY + plotH - 10 - (ly - 12 + row * 20 + 4);
        for (Node n : items) {
            n.setTranslateY(drop);
        }
        Rectangle box = new Rectangle(lx - 8 + shift, ly - 12 + drop, width + 16, row * 20 + 4);
        box.setFill(Color.web("white", 0.92));
        box.setStroke(Color.web("#b8c2cb"));
        getChildren().add(box);
        for (Node n : items) {
            n.setTranslateX(shift);
            getChildren().add(n);
        }
    }

    // ------------------------------------------------------------------ small builders

    private Polygon band(List<PhaseDiagram.Point> liquidus) {
        Polygon p = new Polygon();
        for (PhaseDiagram.Point pt : liquidus) {
            p.getPoints().addAll(x(pt.wtPct()), y(pt.tempC() + pt.bandC()));
        }
        for (int i = liquidus.size() - 1; i >= 0; i--) {
            PhaseDiagram.Point pt = liquidus.get(i);
            p.getPoints().addAll(x(pt.wtPct()), y(pt.tempC() - pt.bandC()));
        }
        p.setFill(BAND);
        return p;
    }

    private Polyline polyline(List<PhaseDiagram.Point> points, Color color, double width) {
        Polyline p = new Polyline();
        for (PhaseDiagram.Point pt : points) {
            p.getPoints().addAll(x(pt.wtPct()), y(pt.tempC()));
        }
        p.setStroke(color);
        p.setStrokeWidth(width);
        p.setFill(null);
        return p;
    }

    private static Line line(double x0, double y0, double x1, double y1, Color color, double width) {
        Line l = new Line(x0, y0, x1, y1);
        l.setStroke(color);
        l.setStrokeWidth(width);
        return l;
    }

    private static Text text(String s, double x, double y, Font font, Color color) {
        Text t = new Text(x, y, s);
        t.setFont(font);
        t.setFill(color);
        return t;
    }

    private static void center(Text t) {
        t.setTextOrigin(VPos.TOP);
        t.setTextAlignment(TextAlignment.CENTER);
        t.setX(t.getX() - t.getLayoutBounds().getWidth() / 2);
    }

    /** A field's name centred at a point of the diagram, kept inside the plot. */
    private void field(String name, double wtPct, double tempC) {
        Text t = text(name, 0, 0, FIELD_FONT, INK);
        t.setTextOrigin(VPos.CENTER);
        double w = t.getLayoutBounds().getWidth();
        t.setX(Math.max(plotX + 4, Math.min(plotX + plotW - 4 - w, x(wtPct) - w / 2)));
        t.setY(Math.max(plotY + 12, Math.min(plotY + plotH - 12, y(tempC))));
        halo(t);
    }

    /** Adds a text on a white backing so that grid lines and curves do not run through it. */
    private void halo(Text t) {
        javafx.geometry.Bounds b = t.getBoundsInLocal();
        Rectangle back = new Rectangle(b.getMinX() - 2, b.getMinY(), b.getWidth() + 4, b.getHeight());
        back.setFill(Color.web("white", 0.85));
        getChildren().addAll(back, t);
    }

    private static double solvusWtPct(List<PhaseDiagram.Point> solvus, double tempC) {
        return interpolate(solvus, PhaseDiagram.Point::tempC, PhaseDiagram.Point::wtPct, tempC);
    }

    private static double liquidusAt(List<PhaseDiagram.Point> liquidus, double wtPct) {
        return interpolate(liquidus, PhaseDiagram.Point::wtPct, PhaseDiagram.Point::tempC, wtPct);
    }

    /** Linear interpolation of {@code value} along a curve whose {@code along} rises point by point; the last value past its end. */
    private static double interpolate(List<PhaseDiagram.Point> curve, ToDoubleFunction<PhaseDiagram.Point> along,
                                      ToDoubleFunction<PhaseDiagram.Point> value, double at) {
        for (int i = 1; i < curve.size(); i++) {
            PhaseDiagram.Point a = curve.get(i - 1);
            PhaseDiagram.Point b = curve.get(i);
            if (along.applyAsDouble(b) >= at) {
                double f = (at - along.applyAsDouble(a)) / (along.applyAsDouble(b) - along.applyAsDouble(a));
                return value.applyAsDouble(a) + f * (value.applyAsDouble(b) - value.applyAsDouble(a));
            }
        }
        return value.applyAsDouble(curve.get(curve.size() - 1));
    }

    /** "Al3Sc" as chemists write it: Al₃Sc. */
    static String subscripts(String formula) {
        StringBuilder b = new StringBuilder();
        for (char c : formula.toCharArray()) {
            b.append(Character.isDigit(c) ? (char) ('\u2080' + (c - '0')) : c);
        }
        return b.toString();
    }
}
