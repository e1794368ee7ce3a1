package kz.orleu.benefits.partition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a per-family step into {@code gridSize} ranges of the family hash ({@link FamilyHashRange}). Names are
 * zero-padded so partitions list in order; with the worker step's name they are the partitions' restart keys.
 */
public final class FamilyHashPartitioner implements Partitioner {

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<FamilyHashRange> ranges = FamilyHashRange.split(gridSize);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int digits = Integer.toString(gridSize - 1).length();
        for (int i = 0; i < ranges.size(); i++) {
            partitions.put("families" + String.format("%0" + digits + "d", i), ranges.get(i).toContext());
        }
        return partitions;
    }
}
