package kz.orleu.benefits.simulation;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import kz.orleu.benefits.reference.ReferenceFile;

/**
 * The reference files an analyst proposes in place of the rules in force: each one given replaces the shipped
 * file, and the input folder's own copy, whole (no merging), exactly as an override in the input folder would.
 * Its name (a proposal file's or folder's) names its sheets and its folder when several are simulated at once.
 */
public record Proposal(String name, Map<ReferenceFile, Path> files) {

    /** Letters, digits, dot, dash, underscore; at most 23 so that "Members " + name fits Excel's 31 characters. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,23}");

    public Proposal {
        files = Map.copyOf(files);
    }

    public static Proposal of(String name, Path rules, Path incomeTypes, Path subsistenceMinimum) {
        Map<ReferenceFile, Path> files = new EnumMap<>(ReferenceFile.class);
        put(files, ReferenceFile.RULES, rules);
        put(files, ReferenceFile.INCOME_TYPES, incomeTypes);
        put(files, ReferenceFile.SUBSISTENCE_MINIMUM, subsistenceMinimum);
        return new Proposal(name, files);
    }

    /** The rules in force: nothing replaced. */
    public static Proposal none() {
        return new Proposal("in-force", Map.of());
    }

    /** How the proposal is named in logs and on the workbook's About sheet: its files, or "rules in force". */
    public String describe() {
        if (files.isEmpty()) {
            return "rules in force";
        }
        StringBuilder text = new StringBuilder();
        new EnumMap<>(files).forEach((file, path) -> text.append(text.isEmpty() ? "" : ", ")
                .append(file.fileName()).append(" from ").append(path.toAbsolutePath()));
        return text.toString();
    }

    private static void put(Map<ReferenceFile, Path> files, ReferenceFile file, Path path) {
        if (path != null) {
            files.put(file, path);
        }
    }
}
