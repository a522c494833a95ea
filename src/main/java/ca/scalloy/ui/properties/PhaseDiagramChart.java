package ca.scalloy.ui.properties;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import ca.scalloy.engine.thermo.BinaryDiagram;
import ca.scalloy.ui.common.Messages;
import ca.scalloy.ui.common.Numbers;
import ca.scalloy.ui.common.PhaseLabels;

/**
 * The phase diagram drawn like a textbook figure: framed axes with ticks and units, the liquidus,
 * the solidus and solvus of (Al) and the invariant line, the phase fields named, and the alloy as a
 * dashed vertical line ({@code #alloyMarker}) with marks at its liquidus, the minimum holding
 * temperature of its melt and its ageing temperature. Redrawn from a
 * {@link PhaseDiagramViewModel.Diagram}.
 */
final class PhaseDiagramChart extends XyChart {

    private static final double LEFT_PX = 74;
    private static final double RIGHT_PX = 28;
    private static final double TOP_PX = 46;
    private static final double BOTTOM_PX = 96;
    private static final Color LIQUIDUS = Color.web("#b03a2e");
    private static final Color ALLOY = Color.web("#1f5f99");
    private static final Color HOLD = Color.web("#c0392b");
    private static final Font FIELD_FONT = Font.font(null, FontWeight.NORMAL, FontPosture.ITALIC, 15);

    private final Messages m;
    private PhaseDiagramViewModel.Diagram diagram;

    PhaseDiagramChart(Messages messages) {
        super(messages.locale());
        this.m = messages;
        getStyleClass().add("phase-diagram");
    }

    void show(PhaseDiagramViewModel.Diagram d) {
        diagram = d;
        dataChanged();
    }

    @Override
    protected void draw() {
        PhaseDiagramViewModel.Diagram d = diagram;
        if (d == null) {
            return;
        }
        String solute = d.binary().solute();
        BinaryDiagram data = d.data();
        String precipitate = PhaseLabels.of(data.precipitate());
        start(LEFT_PX, TOP_PX, RIGHT_PX, BOTTOM_PX, new Plot.Axis(m.get("diagram.axis.wtPct", solute), 0, d.maxWtPct(), false),
                new Plot.Axis(m.get("chart.axis.temp"), d.minTempC(), d.maxTempC(), false));
        axes();

        Group curves = clipped();
        List<Plot.XY> liquidus = new ArrayList<>();
        for (BinaryDiagram.LiquidusPoint p : data.liquidus()) {
            liquidus.add(new Plot.XY(p.wtPct(), p.tempC()));
        }
        curves.getChildren().add(polyline(liquidus, LIQUIDUS, 2.2, false));
        curves.getChildren().add(polyline(points(data.solidus()), INK, 1.6, false));
        curves.getChildren().add(polyline(points(data.solvus()), INK, 1.6, false));
        double invC = data.invariant().tempC();
        double fromWtPct = Math.min(data.invariant().liquidWtPct(), data.invariant().aluminiumWtPct());
        curves.getChildren().add(line(x(fromWtPct), y(invC), plotX + plotW, y(invC), INK, 1.6));
        curves.getChildren().add(new Circle(x(data.invariant().liquidWtPct()), y(invC), 4, INK));

        fieldLabels(d, precipitate);
        invariantLabel(data);
        legend(List.of(new LegendEntry(m.get("diagram.legend.liquidus"), LIQUIDUS, 2.2, false, false),
                new LegendEntry(m.get("diagram.legend.solvus"), INK, 1.6, false, false),
                new LegendEntry(m.get("diagram.legend.alloy"), ALLOY, 1.8, true, false)), List.of(), Plot.Corner.BOTTOM_RIGHT, List.of());
        alloy(d, solute);
        title(m.get("diagram.title." + d.binary().name()));
        footnote(d.source() + " " + m.get("diagram.note"));
        frame();
    }

    private static List<Plot.XY> points(List<BinaryDiagram.Point> curve) {
        List<Plot.XY> out = new ArrayList<>();
        for (BinaryDiagram.Point p : curve) {
            out.add(new Plot.XY(p.wtPct(), p.tempC()));
        }
        return out;
    }

    private void fieldLabels(PhaseDiagramViewModel.Diagram d, String precipitate) {
        BinaryDiagram data = d.data();
        double max = d.maxWtPct();
        double invC = data.invariant().tempC();
        // (Al): in the single-phase field, high up where it is widest, below the invariant.
        double alLabelC = invC - 0.12 * (invC - d.minTempC());
        double solvusAt = solvusWtPct(data.solvus(), alLabelC);
        field(m.get("diagram.field.Al"), Math.min(solvusAt / 2, max / 2), alLabelC);
        field(m.get("diagram.field.AlPlus", precipitate), Math.max(0.62 * max, solvusAt * 1.5), (invC + d.minTempC()) / 2);
        double top = data.liquidusC(Math.min(max, data.maxWtPct()));
        // L: high in the liquid, on the side away from the alloy's labels.
        double alloyAt = d.alloy() == null ? max : d.alloy().soluteWtPct();
        field(m.get("diagram.field.L"), alloyAt > 0.5 * max ? 0.2 * max : 0.85 * max,
                Math.max(top, invC + 40) + 0.45 * (d.maxTempC() - Math.max(top, invC + 40)));
        if (max > data.invariant().liquidWtPct() * 1.25) {
            double w = data.invariant().liquidWtPct() + 0.7 * (max - data.invariant().liquidWtPct());
            double liq = data.liquidusC(Math.min(w, data.maxWtPct()));
            if (y(invC) - y(liq) > 22) {
                field(m.get("diagram.field.LPlus", precipitate), w, (liq + invC) / 2);
            }
        }
    }

    private void invariantLabel(BinaryDiagram data) {
        String t = Numbers.flexible(data.invariant().tempC(), 0, 1, m.locale());
        String liquid = Numbers.fixed(data.invariant().liquidWtPct(), 2, m.locale());
        String label = data.eutectic() ? m.get("diagram.eutectic", t, liquid) : m.get("diagram.peritectic", t, liquid);
        // On the isotherm at the right, below it, where the alloy's marks seldom are.
        Text text = text(label, 0, y(data.invariant().tempC()) + 4, LABEL_FONT, INK);
        text.setTextOrigin(VPos.TOP);
        text.setX(plotX + plotW - 8 - text.getLayoutBounds().getWidth());
        halo(text);
    }

    private void alloy(PhaseDiagramViewModel.Diagram d, String solute) {
        PhaseDiagramViewModel.Alloy a = d.alloy();
        if (a == null) {
            getChildren().add(text(m.get("diagram.noAlloy"), plotX + 8, plotY + 18, LABEL_FONT, NOTE));
            return;
        }
        String content = Numbers.flexible(a.soluteWtPct(), 2, 3, m.locale());
        if (a.soluteWtPct() > d.maxWtPct()) {
            getChildren().add(text(m.get("diagram.alloyOffScale", content, solute), plotX + 8, plotY + 18, LABEL_FONT, ALLOY));
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
            labels.add(beside(m.get("diagram.alloyAgeing", Numbers.fixed(a.ageTempC(), 0, m.locale())), px, py, ALLOY));
        }
        if (a.liquidusC() != null && a.liquidusC() <= d.maxTempC()) {
            double py = y(a.liquidusC());
            Circle dot = new Circle(px, py, 5.5, Color.WHITE);
            dot.setStroke(ALLOY);
            dot.setStrokeWidth(2.2);
            dot.setId("alloyLiquidusMarker");
            marker.getChildren().add(dot);
            String temp = Numbers.fixed(a.liquidusC(), 0, m.locale());
            labels.add(beside(a.primaryPhase().isEmpty() ? m.get("diagram.alloyLiquidus", temp)
                    : m.get("diagram.alloyLiquidusPrimary", temp, a.primaryPhase()), px, py, ALLOY));
        }
        if (a.holdingC() != null && a.holdingC() <= d.maxTempC()) {
            double py = y(a.holdingC());
            Line tick = line(px - 9, py, px + 9, py, HOLD, 3);
            tick.setId("alloyHoldingMarker");
            marker.getChildren().add(tick);
            labels.add(beside(m.get("diagram.alloyHolding", Numbers.fixed(a.holdingC(), 0, m.locale())), px, py, HOLD));
        }
        String name = a.name().isBlank() ? m.get("diagram.alloyUnnamed", content, solute) : m.get("diagram.alloy", a.name(), content, solute);
        Text title = beside(name, px, plotY + 14, ALLOY);
        title.setFont(Font.font(null, FontWeight.BOLD, 12));
        labels.add(title);
        getChildren().add(marker);
        for (Text t : labels) {
            halo(t);
        }
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

    /** The solute content of the solvus at a temperature, interpolated; its last content above its top. */
    private static double solvusWtPct(List<BinaryDiagram.Point> solvus, double tempC) {
        for (int i = 1; i < solvus.size(); i++) {
            BinaryDiagram.Point a = solvus.get(i - 1);
            BinaryDiagram.Point b = solvus.get(i);
            if (b.tempC() >= tempC) {
                double f = (tempC - a.tempC()) / (b.tempC() - a.tempC());
                return a.wtPct() + f * (b.wtPct() - a.wtPct());
            }
        }
        return solvus.get(solvus.size() - 1).wtPct();
    }
}
