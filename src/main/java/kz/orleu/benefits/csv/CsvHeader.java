package kz.orleu.benefits.csv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The header of an input file: column names by position, checked against the columns the file must have. */
public record CsvHeader(List<String> columns) {

    private static final char BOM = '\uFEFF';

    public static CsvHeader parse(String firstLine) {
        String text = firstLine.isEmpty() || firstLine.charAt(0) != BOM ? firstLine : firstLine.substring(1);
        List<String> names = new ArrayList<>();
        for (String name : CsvLineParser.split(text)) {
            names.add(name.strip());
        }
        return new CsvHeader(Collections.unmodifiableList(names));
    }

    public List<String> missing(Set<String> required) {
        return required.stream().filter(c -> !columns.contains(c)).sorted().toList();
    }

    public List<String> unknown(Set<String> known) {
        return columns.stream().filter(c -> !known.contains(c)).toList();
    }

    public List<String> duplicated() {
        return columns.stream().filter(c -> Collections.frequency(columns, c) > 1).distinct().toList();
    }

    /**
     * Each column's position, the first one where a name is repeated (later ones are reported as duplicated). The
     * names are interned: a row's values are looked up by the code's constant names, millions of times a file, and
     * a key that is the same object is found without comparing its characters.
     */
    public Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>(columns.size() * 2);
        for (int i = 0; i < columns.size(); i++) {
            positions.putIfAbsent(columns.get(i).intern(), i);
        }
        return Collections.unmodifiableMap(positions);
    }

    public int size() {
        return columns.size();
    }
}
