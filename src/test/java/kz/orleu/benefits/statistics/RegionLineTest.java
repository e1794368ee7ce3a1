package kz.orleu.benefits.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import kz.orleu.benefits.reference.ReferenceData;
import org.junit.jupiter.api.Test;

class RegionLineTest {

    private static ReferenceData.Region region(String code, String name, String pilotSince) {
        return new ReferenceData.Region(code, name + " kk", name + " ru", name,
                pilotSince == null ? null : LocalDate.parse(pilotSince));
    }

    @Test
    void pilotRegionsComeFirstWithTheirSubtotalThenTheOthersThenTheRepublic() {
        List<RegionLine> lines = RegionLine.order(List.of(region("75", "Almaty City", "2016-01-01"),
                region("63", "East Kazakhstan", "2014-04-01"), region("15", "Aktobe", null),
                region("11", "Akmola", "2014-04-01"), region("31", "Zhambyl", "2014-12-31")));
        assertThat(lines).extracting(RegionLine::nameEn).containsExactly("Akmola", "Zhambyl", "East Kazakhstan",
                "Pilot regions, total", "Aktobe", "Almaty City", "Republic of Kazakhstan");
        assertThat(lines.get(0).nameKk()).isEqualTo("Akmola kk");
        assertThat(lines.get(0).nameRu()).isEqualTo("Akmola ru");
    }

    @Test
    void withoutPilotRegionsThereIsNoPilotSubtotal() {
        assertThat(RegionLine.order(List.of(region("15", "Aktobe", "2016-01-01"))))
                .extracting(RegionLine::kind)
                .containsExactly(RegionLine.Kind.REGION, RegionLine.Kind.REPUBLIC);
    }

    @Test
    void totalsAddUpTheirRegions() {
        List<RegionLine> lines = RegionLine.order(List.of(region("11", "Akmola", "2014-04-01"),
                region("31", "Zhambyl", "2014-04-01"), region("15", "Aktobe", "2016-01-01")));
        long[][] counts = RegionGrid.counts(lines, 1, java.util.Map.of("11", new long[] {3}, "31", new long[] {4},
                "15", new long[] {10}));
        // Akmola 3, Zhambyl 4, pilot 7, Aktobe 10, republic 17
        assertThat(counts).isDeepEqualTo(new long[][] {{3}, {4}, {7}, {10}, {17}});
    }

    @Test
    void aRegionOutsideThePilotCannotBeRecoveredFromTheRepublicLessThePilotSubtotal() {
        // Akmola 6, Zhambyl 3 (pilot 9), Almaty City 1, republic 10: 3 and 1 are small; without the relation
        // republic = pilot subtotal + other regions, 10 - 9 would give Almaty City's 1 back
        List<RegionLine> lines = RegionLine.order(List.of(region("11", "Akmola", "2014-04-01"),
                region("31", "Zhambyl", "2014-04-01"), region("75", "Almaty City", "2016-01-01")));
        long[][] counts = RegionGrid.counts(lines, 1, java.util.Map.of("11", new long[] {6}, "31", new long[] {3},
                "75", new long[] {1}));
        List<Suppression.Relation> relations = RegionGrid.relations(lines, 1, List.of());
        boolean[][] hidden = Suppression.apply(counts, 5, relations);
        // rows: Akmola, Zhambyl, pilot, Almaty City, republic
        assertThat(hidden[3][0]).isTrue();
        assertThat(hidden[2][0]).as("the pilot subtotal goes with it").isTrue();
        SuppressionTest.assertNoRelationHasASingleHiddenCell(hidden, relations);
    }
}
