package kz.orleu.benefits.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import kz.orleu.benefits.reference.ReferenceFile;
import kz.orleu.benefits.simulation.Proposal;

/**
 * The proposals of a {@code simulate} command line (contracts.md, "Simulation"). Three ways to give them:
 * <ul>
 * <li>each of {@code --rules}, {@code --income-types}, {@code --subsistence-minimum} at most once: one proposal of
 * those files;</li>
 * <li>one of them repeated: one proposal per file of that option, named after the file, each with the files of the
 * options given once (two options repeated would leave their pairing to guesswork, so it is refused);</li>
 * <li>{@code --proposals DIR}: one proposal per sub-folder, named after it, made of the reference files it holds.</li>
 * </ul>
 */
final class ProposalOptions {

    static final Set<String> FILE_OPTIONS = Set.of("--rules", "--income-types", "--subsistence-minimum");
    private static final Map<ReferenceFile, String> OPTION_OF = Map.of(ReferenceFile.RULES, "--rules",
            ReferenceFile.INCOME_TYPES, "--income-types", ReferenceFile.SUBSISTENCE_MINIMUM, "--subsistence-minimum");
    private static final List<ReferenceFile> PROPOSABLE = List.of(ReferenceFile.RULES, ReferenceFile.INCOME_TYPES,
            ReferenceFile.SUBSISTENCE_MINIMUM);

    private ProposalOptions() {
    }

    /** {@code files}: the values of each file option, in the order given; {@code folder}: --proposals or null. */
    static List<Proposal> proposals(Map<String, List<String>> files, String folder) {
        if (folder != null) {
            if (!files.isEmpty()) {
                throw new UsageException("--proposals cannot be combined with --rules, --income-types or"
                        + " --subsistence-minimum: put the files in the proposals' folders");
            }
            return fromFolder(Path.of(folder));
        }
        List<String> repeated = files.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        if (repeated.size() > 1) {
            throw new UsageException("only one of --rules, --income-types, --subsistence-minimum may be repeated ("
                    + String.join(" and ", repeated) + " are): for proposals that differ in several files, use"
                    + " --proposals DIR with one folder per proposal");
        }
        if (repeated.isEmpty()) {
            return List.of(proposal("proposal", files, null, null));
        }
        List<Proposal> proposals = new ArrayList<>();
        for (String value : files.get(repeated.get(0))) {
            Path file = file(repeated.get(0), value);
            proposals.add(proposal(nameOf(file), files, repeated.get(0), file));
        }
        return distinct(proposals);
    }

    private static Proposal proposal(String name, Map<String, List<String>> files, String varied, Path variant) {
        Map<String, Path> chosen = new TreeMap<>();
        files.forEach((option, values) -> chosen.put(option, option.equals(varied) ? variant
                : file(option, values.get(0))));
        return Proposal.of(name, chosen.get("--rules"), chosen.get("--income-types"),
                chosen.get("--subsistence-minimum"));
    }

    private static List<Proposal> fromFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UsageException("--proposals " + folder + " is not a folder");
        }
        List<Proposal> proposals = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                if (entry.getFileName().toString().startsWith(".")) {
                    continue;
                }
                if (!Files.isDirectory(entry)) {
                    throw new UsageException("--proposals " + folder + " holds " + entry.getFileName()
                            + ": it must hold one folder per proposal, and nothing else");
                }
                proposals.add(fromProposalFolder(entry));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --proposals " + folder, e);
        }
        if (proposals.isEmpty()) {
            throw new UsageException("--proposals " + folder + " holds no proposal folder");
        }
        return distinct(proposals);
    }

    /** A proposal folder holds proposable reference files only: a misspelt name would silently mean "in force". */
    private static Proposal fromProposalFolder(Path folder) throws IOException {
        Map<String, Path> chosen = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                ReferenceFile reference = PROPOSABLE.stream().filter(r -> r.fileName().equals(fileName)).findFirst()
                        .orElseThrow(() -> new UsageException("proposal folder " + folder + " holds " + fileName
                                + "; a proposal folder holds only rules.csv, income-types.csv and"
                                + " subsistence-minimum.csv"));
                String option = OPTION_OF.get(reference);
                chosen.put(option, file(option, file.toString()));
            }
        }
        if (chosen.isEmpty()) {
            throw new UsageException("proposal folder " + folder + " holds none of rules.csv, income-types.csv,"
                    + " subsistence-minimum.csv");
        }
        return Proposal.of(name(folder.getFileName().toString(), folder), chosen.get("--rules"),
                chosen.get("--income-types"), chosen.get("--subsistence-minimum"));
    }

    private static String nameOf(Path file) {
        String name = file.getFileName().toString();
        return name(name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name, file);
    }

    private static String name(String name, Path from) {
        if (!Proposal.NAME.matcher(name).matches()) {
            throw new UsageException("proposal " + from + ": its name '" + name + "' must be 1 to 23 letters, digits,"
                    + " '.', '-' or '_' (it names the proposal's folder and sheets)");
        }
        return name;
    }

    private static List<Proposal> distinct(List<Proposal> proposals) {
        Set<String> names = new HashSet<>();
        for (Proposal proposal : proposals) {
            if (!names.add(proposal.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new UsageException("two proposals are named '" + proposal.name() + "': give them files or"
                        + " folders of different names");
            }
        }
        return proposals;
    }

    static Path file(String option, String value) {
        Path file = Path.of(value);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException(option + " " + file + " is not a readable file");
        }
        return file;
    }
}
