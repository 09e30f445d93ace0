package org.fairkit.reports;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Renders documents the way a reader sees them: HTML with headless Chromium (Debian package {@code chromium}),
 * PDF pages with {@code pdftoppm} (poppler-utils). Shared by {@code RenderInBrowserTest} and {@link Screenshots}.
 */
final class Browser {
    private Browser() {
    }

    /** @return the chromium executable: /usr/bin/chromium, else {@code chromium} on the PATH */
    static Optional<Path> chromium() {
        return find("chromium");
    }

    /** @return the pdftoppm executable */
    static Optional<Path> pdftoppm() {
        return find("pdftoppm");
    }

    private static Optional<Path> find(String name) {
        Path usr = Path.of("/usr/bin", name);
        if (Files.isExecutable(usr)) {
            return Optional.of(usr);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Screenshots an HTML file with headless Chromium, offline and without any profile state.
     *
     * @return the PNG written
     */
    static Path screenshot(Path chromium, Path html, Path png, int width, int height, Path work) throws IOException,
            InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> cmd = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png,
                "--window-size=" + width + "," + height, html.toUri().toString());
        run(cmd, work, 60);
        return png;
    }

    /**
     * Renders page {@code page} of a PDF to PNG at {@code dpi}.
     *
     * @return the PNG written
     */
    static Path pdfPage(Path pdftoppm, Path pdf, int page, int dpi, Path pngWithoutExtension) throws IOException,
            InterruptedException {
        run(List.of(pdftoppm.toString(), "-f", Integer.toString(page), "-l", Integer.toString(page), "-r",
                Integer.toString(dpi), "-png", "-singlefile", pdf.toString(), pngWithoutExtension.toString()),
                pdf.getParent(), 60);
        return Path.of(pngWithoutExtension + ".png");
    }

    private static void run(List<String> cmd, Path dir, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "render", ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd.get(0) + " did not finish in " + seconds + " s: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0) {
            throw new IOException(cmd.get(0) + " exited with " + p.exitValue() + ": " + Files.readString(log));
        }
    }

    /** What a rendered image looks like: size and how many distinct colours it has. */
    record ImageFacts(int width, int height, int distinctColours, double nonWhiteShare) {
    }

    /** @return the facts of a PNG (sampled on a grid of at most 200 × 200 points) */
    static ImageFacts facts(Path png) throws IOException {
        BufferedImage im = ImageIO.read(png.toFile());
        if (im == null) {
            throw new IOException(png + " is not a readable image");
        }
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        int stepX = Math.max(1, im.getWidth() / 200);
        int stepY = Math.max(1, im.getHeight() / 200);
        long samples = 0;
        long nonWhite = 0;
        for (int y = 0; y < im.getHeight(); y += stepY) {
            for (int x = 0; x < im.getWidth(); x += stepX) {
                int rgb = im.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                samples++;
                if (rgb != 0xffffff) {
                    nonWhite++;
                }
            }
        }
        return new ImageFacts(im.getWidth(), im.getHeight(), colours.size(), (double) nonWhite / samples);
    }

    /** Crops and optionally scales a PNG in place. */
    static void crop(Path png, int x, int y, int w, int h, double scale) throws IOException {
        BufferedImage im = ImageIO.read(png.toFile());
        BufferedImage part = im.getSubimage(x, y, Math.min(w, im.getWidth() - x), Math.min(h, im.getHeight() - y));
        if (scale != 1.0) {
            int sw = (int) Math.round(part.getWidth() * scale);
            int sh = (int) Math.round(part.getHeight() * scale);
            BufferedImage out = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = out.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(part, 0, 0, sw, sh, null);
            g.dispose();
            part = out;
        } else {
            BufferedImage rgb = new BufferedImage(part.getWidth(), part.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(part, 0, 0, null);
            part = rgb;
        }
        ImageIO.write(part, "png", png.toFile());
    }

    /** @return every regular file below a directory (for cleaning up profiles) */
    static List<Path> files(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(out::add);
        }
        return out;
    }
}
