package kz.orleu.benefits.csv;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The values of one row by column name, as a view over the row's fields and its file's column positions: a row of
 * a file of millions gets an array, not a map of its own.
 */
final class FieldMap extends AbstractMap<String, String> {

    private final Map<String, Integer> positions;
    private final String[] fields;

    FieldMap(Map<String, Integer> positions, String[] fields) {
        this.positions = positions;
        this.fields = fields;
    }

    @Override
    public String get(Object column) {
        Integer position = positions.get(column);
        return position == null || position >= fields.length ? null : fields[position];
    }

    @Override
    public boolean containsKey(Object column) {
        Integer position = positions.get(column);
        return position != null && position < fields.length;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return positions.entrySet().stream().filter(e -> e.getValue() < fields.length)
                        .map(e -> (Entry<String, String>) new SimpleImmutableEntry<>(e.getKey(), fields[e.getValue()]))
                        .iterator();
            }

            @Override
            public int size() {
                return (int) positions.values().stream().filter(p -> p < fields.length).count();
            }
        };
    }
}
