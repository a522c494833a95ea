package ca.scalloy.ui.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/** A chart drawn on a canvas that fills the region: redrawn whenever it is laid out or shown new data. */
public abstract class CanvasChart extends Region {

    protected final Canvas canvas = new Canvas();

    protected CanvasChart() {
        getChildren().add(canvas);
        getStyleClass().add("band-chart");
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    /** Asks for a new layout (the preferred size may change with the data) and draws now. */
    protected void dataChanged() {
        requestLayout();
        draw();
    }

    /** Draws the whole chart on {@link #canvas}. */
    protected abstract void draw();
}
