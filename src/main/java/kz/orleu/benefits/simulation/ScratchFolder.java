package kz.orleu.benefits.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import kz.orleu.benefits.output.OutputFiles;
import kz.orleu.benefits.quarter.Quarter;

/**
 * A simulation's working folder, {@code <output>/.<Q>-simulation.work-<n>/}, private (0750) and deleted at the end:
 * the input folders its throwaway runs read and the output folders they publish to. An input folder is the
 * analyst's income-quarter folder seen through links, with the proposed reference files copied in under their
 * shipped names: the job reads it exactly as it reads a folder with reference overrides, so nothing of the job is
 * special to simulations.
 */
final class ScratchFolder implements AutoCloseable {

    private final Path root;

    private ScratchFolder(Path root) {
        this.root = root;
    }

    static ScratchFolder create(Path output, Quarter quarter) {
        try {
            Path parent = output.toAbsolutePath();
            OutputFiles.createFolders(parent);
            Path root = parent.resolve("." + quarter + "-simulation.work-" + ProcessHandle.current().pid() + "-"
                    + System.nanoTime());
            OutputFiles.createFolder(root);
            return new ScratchFolder(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulation's working folder in " + output, e);
        }
    }

    /** A folder in the system's temporary folder, for checks that must write nothing next to the outputs. */
    static ScratchFolder temporary() {
        try {
            return new ScratchFolder(Files.createTempDirectory("benefits-simulation-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    /** The input folder of one run: every file of {@code input} linked, the proposal's files copied over. */
    Path input(String name, Path input, Proposal proposal) {
        try {
            Path folder = root.resolve(name).resolve("input");
            OutputFiles.createFolders(folder);
            try (Stream<Path> files = Files.list(input)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.createSymbolicLink(folder.resolve(file.getFileName()), file.toAbsolutePath());
                }
            }
            for (var proposed : proposal.files().entrySet()) {
                Path target = folder.resolve(proposed.getKey().fileName());
                Files.deleteIfExists(target);
                Files.copy(proposed.getValue(), target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the simulation's input folder: " + e.getMessage(), e);
        }
    }

    /** The output folder one run publishes to. */
    Path output(String name) {
        return root.resolve(name).resolve("output");
    }

    Path root() {
        return root;
    }

    @Override
    public void close() {
        deleteTree(root);
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder + ": " + e.getMessage(), e);
        }
    }
}
