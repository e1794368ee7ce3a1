package kz.orleu.benefits.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** {@code .<Q>-simulation.work-<pid>-<nanos>}: the pid tells a dead simulation's folder from a live one's. */
    private static final Pattern WORK_FOLDER = Pattern.compile("\\.\\d{4}Q[1-4]-simulation\\.work-(\\d+)-\\d+");

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

    /**
     * The working folder a throwaway run published into ({@code <root>/<name>/output}), found from the run's
     * output parameter; empty if that path is not a simulation's working folder, so that nothing else is ever
     * deleted as one.
     */
    static Optional<ScratchFolder> ofRunOutput(String output) {
        if (output == null) {
            return Optional.empty();
        }
        Path root = Path.of(output).getParent() == null ? null : Path.of(output).getParent().getParent();
        if (root == null || !Path.of(output).getFileName().toString().equals("output")
                || !WORK_FOLDER.matcher(root.getFileName().toString()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ScratchFolder(root));
    }

    /**
     * The working folders in {@code output} of simulations whose process is gone (the pid in the name), killed
     * before they could delete them; a live simulation's are left alone.
     */
    static List<ScratchFolder> abandonedIn(Path output) {
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(output)) {
            return folders.filter(Files::isDirectory).filter(folder -> {
                Matcher name = WORK_FOLDER.matcher(folder.getFileName().toString());
                return name.matches() && ProcessHandle.of(Long.parseLong(name.group(1)))
                        .map(p -> !p.isAlive()).orElse(true);
            }).map(ScratchFolder::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + output, e);
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
        try {
            OutputFiles.deleteTree(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder + ": " + e.getMessage(), e);
        }
    }
}
