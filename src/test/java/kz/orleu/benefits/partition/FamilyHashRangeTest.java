package kz.orleu.benefits.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyHashRangeTest {

    @Test
    void theRangesOfASplitFollowOneAnotherAndCoverEveryThirtyTwoBitHash() {
        for (int n : new int[] {1, 2, 3, 7, 16, 64}) {
            List<FamilyHashRange> ranges = FamilyHashRange.split(n);
            assertThat(ranges).hasSize(n);
            assertThat(ranges.get(0).from()).isEqualTo(Integer.MIN_VALUE);
            assertThat(ranges.get(n - 1).to()).isEqualTo(Integer.MAX_VALUE + 1L);
            for (int i = 1; i < n; i++) {
                assertThat(ranges.get(i).from()).as("range %d of %d", i, n).isEqualTo(ranges.get(i - 1).to());
            }
        }
    }

    @Test
    void aSplitInOneIsEveryFamily() {
        assertThat(FamilyHashRange.split(1)).containsExactly(FamilyHashRange.ALL);
    }

    @Test
    void thePartitionerNamesItsPartitionsInOrderWithTheirRanges() {
        var partitions = new FamilyHashPartitioner().partition(12);
        assertThat(partitions.keySet()).startsWith("families00", "families01").endsWith("families11");
        assertThat(partitions.get("families11").getLong(FamilyHashRange.TO_KEY)).isEqualTo(Integer.MAX_VALUE + 1L);
    }
}
