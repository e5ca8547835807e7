package dev.wirelab.labs.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG charts for reports, drawn headless with XChart. Two shapes cover the lab: grouped
 * bars (a value per variant per scenario) and lines (latency by percentile, depth over time).
 */
public final class Charts {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;

    private Charts() {
    }

    /**
     * One group of bars per category, one bar colour per series.
     *
     * @param series series name → one value per category (same order as {@code categories})
     */
    public static void groupedBars(Path png, String title, String yAxis, List<String> categories,
                                   Map<String, List<Double>> series) throws IOException {
        BitmapEncoder.saveBitmap(barChart(title, yAxis, categories, series), png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** {@link #groupedBars} as an image in memory: what a notebook displays. */
    public static BufferedImage groupedBarsImage(String title, String yAxis, List<String> categories,
                                                 Map<String, List<Double>> series) {
        return BitmapEncoder.getBufferedImage(barChart(title, yAxis, categories, series));
    }

    /** {@link #lines} as an image in memory. */
    public static BufferedImage linesImage(String title, String xAxis, String yAxis, boolean logX, boolean logY,
                                           Map<String, double[][]> series) {
        return BitmapEncoder.getBufferedImage(lineChart(title, xAxis, yAxis, logX, logY, series));
    }

    private static CategoryChart barChart(String title, String yAxis, List<String> categories,
                                          Map<String, List<Double>> series) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).yAxisTitle(yAxis).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendVisible(series.size() > 1); // one series: the axis title says it all
        chart.getStyler().setYAxisDecimalPattern("#,##0.##"); // 23,000,000 rather than 2.3E7
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        if (categories.size() > 4) {
            chart.getStyler().setXAxisLabelRotation(30); // long variant names would overlap
        }
        series.forEach((name, values) -> {
            if (values.size() != categories.size()) {
                throw new IllegalArgumentException("series " + name + " has " + values.size()
                        + " values for " + categories.size() + " categories");
            }
            chart.addSeries(name, categories, values);
        });
        return chart;
    }

    /** A line per series; {@code logX} for percentile axes (the tail lives near the right end). */
    public static void lines(Path png, String title, String xAxis, String yAxis, boolean logX, boolean logY,
                             Map<String, double[][]> series) throws IOException {
        BitmapEncoder.saveBitmap(lineChart(title, xAxis, yAxis, logX, logY, series), png.toString(),
                BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart lineChart(String title, String xAxis, String yAxis, boolean logX, boolean logY,
                                     Map<String, double[][]> series) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xAxis).yAxisTitle(yAxis).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        series.forEach((name, xy) -> {
            XYSeries s = chart.addSeries(name, xy[0], xy[1]);
            s.setMarker(SeriesMarkers.NONE);
        });
        return chart;
    }
}
