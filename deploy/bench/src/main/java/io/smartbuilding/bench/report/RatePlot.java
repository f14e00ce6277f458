package io.smartbuilding.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * A PNG of the results with plain Java2D: left, accepted and published msgs/s against the offered
 * rate (the diagonal is "everything offered was accepted"); right, p50/p95/p99 latency against the
 * offered rate. A rate that was not sustained is marked with a red ring.
 */
public final class RatePlot {
  private static final int W = 1100;
  private static final int H = 460;
  private static final Color P50 = new Color(0x1f77b4);
  private static final Color P95 = new Color(0xff7f0e);
  private static final Color P99 = new Color(0x9467bd);
  private static final Color ACCEPTED = new Color(0x2ca02c);
  private static final Color PUBLISHED = new Color(0x7f7f7f);

  private RatePlot() {}

  public static void write(List<StepResult> steps, String title, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, 20, 24);

    double maxRate =
        niceCeiling(steps.stream().mapToDouble(StepResult::offeredRate).max().orElse(1) * 1.05);
    double maxThroughput =
        Math.max(
            maxRate,
            niceCeiling(
                steps.stream()
                        .mapToDouble(s -> Math.max(s.acceptedRate(), s.publishedRate()))
                        .max()
                        .orElse(1)
                    * 1.05));
    Panel left = new Panel(g, 70, 50, 440, 340, maxRate, maxThroughput, "offered msgs/s", "msgs/s");
    left.axes();
    g.setColor(Color.LIGHT_GRAY);
    g.setStroke(
        new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {5, 5}, 0));
    g.drawLine(left.x(0), left.y(0), left.x(maxRate), left.y(maxRate));
    left.series(steps, StepResult::publishedRate, PUBLISHED);
    left.series(steps, StepResult::acceptedRate, ACCEPTED);
    left.unsustained(steps, StepResult::acceptedRate);
    left.legend(
        new String[] {"accepted by the gateway", "published (QoS 1)", "offered = accepted"},
        new Color[] {ACCEPTED, PUBLISHED, Color.LIGHT_GRAY});

    double maxLatency =
        niceCeiling(steps.stream().mapToDouble(s -> Math.max(s.p99Ms(), 1)).max().orElse(1) * 1.05);
    Panel right =
        new Panel(
            g,
            620,
            50,
            440,
            340,
            maxRate,
            maxLatency,
            "offered msgs/s",
            "publish -> readable in API (ms)");
    right.axes();
    right.series(steps, s -> s.p50Ms(), P50);
    right.series(steps, s -> s.p95Ms(), P95);
    right.series(steps, s -> s.p99Ms(), P99);
    right.unsustained(steps, s -> s.p99Ms());
    right.legend(
        new String[] {"p50", "p95", "p99", "not sustained"},
        new Color[] {P50, P95, P99, Color.RED});
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  /** The next 1, 2, 2.5 or 5 x 10^k at or above v, so the five grid lines fall on round numbers. */
  static double niceCeiling(double v) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= v) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private record Panel(
      Graphics2D g,
      int left,
      int top,
      int width,
      int height,
      double maxX,
      double maxY,
      String xLabel,
      String yLabel) {

    int x(double v) {
      return left + (int) Math.round(v / maxX * width);
    }

    int y(double v) {
      return top + height - (int) Math.round(v / maxY * height);
    }

    void axes() {
      g.setStroke(new BasicStroke(1));
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (int i = 0; i <= 5; i++) {
        double vx = maxX * i / 5;
        double vy = maxY * i / 5;
        g.setColor(new Color(0xeeeeee));
        g.drawLine(left, y(vy), left + width, y(vy));
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format("%.0f", vx), x(vx) - 12, top + height + 16);
        g.drawString(String.format("%.0f", vy), left - 48, y(vy) + 4);
      }
      g.setColor(Color.BLACK);
      g.drawLine(left, top + height, left + width, top + height);
      g.drawLine(left, top, left, top + height);
      g.drawString(xLabel, left + width / 2 - 40, top + height + 34);
      g.drawString(yLabel, left, top - 8);
    }

    void series(List<StepResult> steps, ToDoubleFunction<StepResult> value, Color color) {
      g.setColor(color);
      g.setStroke(new BasicStroke(2.2f));
      int px = -1;
      int py = -1;
      for (StepResult s : steps) {
        double v = value.applyAsDouble(s);
        if (v < 0) {
          continue;
        }
        int cx = x(s.offeredRate());
        int cy = y(v);
        if (px >= 0) {
          g.drawLine(px, py, cx, cy);
        }
        g.fillOval(cx - 4, cy - 4, 8, 8);
        px = cx;
        py = cy;
      }
    }

    void unsustained(List<StepResult> steps, ToDoubleFunction<StepResult> value) {
      g.setColor(Color.RED);
      g.setStroke(new BasicStroke(2));
      for (StepResult s : steps) {
        if (!s.verdict().sustained()) {
          g.drawOval(x(s.offeredRate()) - 9, y(Math.max(value.applyAsDouble(s), 0)) - 9, 18, 18);
        }
      }
    }

    void legend(String[] labels, Color[] colors) {
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      for (int i = 0; i < labels.length; i++) {
        int ly = top + 12 + i * 18;
        g.setColor(colors[i]);
        g.fillRect(left + 12, ly - 8, 14, 8);
        g.setColor(Color.BLACK);
        g.drawString(labels[i], left + 32, ly);
      }
    }
  }
}
