package org.familyqa.adapter.mqtt.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds the Mosquitto programs and the dynamic security plugin installed on this machine, and runs commands. */
final class Binaries {

    private static final String PLUGIN_FILE = "mosquitto_dynamic_security.so";
    private static final List<String> PLUGIN_FOLDERS = List.of(
            "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/usr/local/lib");

    private static String mosquitto;
    private static String mosquittoCtrl;
    private static String plugin;

    private Binaries() {
    }

    static synchronized String mosquitto() {
        if (mosquitto == null) {
            mosquitto = find("mosquitto", "/usr/sbin/mosquitto");
        }
        return mosquitto;
    }

    static synchronized String mosquittoCtrl() {
        if (mosquittoCtrl == null) {
            mosquittoCtrl = find("mosquitto_ctrl", "/usr/bin/mosquitto_ctrl");
        }
        return mosquittoCtrl;
    }

    static synchronized String dynamicSecurityPlugin() {
        if (plugin == null) {
            plugin = PLUGIN_FOLDERS.stream()
                    .map(folder -> Path.of(folder, PLUGIN_FILE))
                    .filter(Files::isRegularFile)
                    .map(Path::toString)
                    .findFirst()
                    .or(Binaries::pluginFromPackage)
                    .orElseThrow(() -> new IllegalStateException(PLUGIN_FILE
                            + " not found in " + PLUGIN_FOLDERS
                            + " nor in 'dpkg -L mosquitto'; install mosquitto 2.x."));
        }
        return plugin;
    }

    /** Runs a command to its end and returns its standard output and error together. */
    static String run(List<String> command, Path folder) {
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " " + command.get(1) + " exited with "
                        + process.exitValue() + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    private static String find(String name, String usualPath) {
        if (Files.isExecutable(Path.of(usualPath))) {
            return usualPath;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(
                name + " not found at " + usualPath + " nor on the PATH; install mosquitto 2.x.");
    }

    private static Optional<String> pluginFromPackage() {
        try {
            return run(List.of("dpkg", "-L", "mosquitto"), Path.of(".")).lines()
                    .filter(line -> line.endsWith("/" + PLUGIN_FILE))
                    .findFirst();
        } catch (RuntimeException notDebian) {
            return Optional.empty();
        }
    }
}
