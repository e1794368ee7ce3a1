package kz.orleu.benefits.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import kz.orleu.benefits.reference.ReferenceData;

/**
 * A row of the workbook's regional tables: a region, the subtotal of the pilot regions, or the republic.
 *
 * @param code the KATO code of a region, {@code null} on a total row
 */
public record RegionLine(Kind kind, String code, String nameEn, String nameKk, String nameRu) {

    public enum Kind {
        REGION, PILOT_TOTAL, REPUBLIC
    }

    /**
     * The regions of the original Orleu pilot are those in the pilot since 2014 (Akmola, Zhambyl and East
     * Kazakhstan in the shipped {@code regions.csv}); from 2016 every region had pilot districts, which does not
     * make it a pilot region of the guide's tables.
     */
    public static final LocalDate ORIGINAL_PILOT_UNTIL = LocalDate.of(2014, 12, 31);

    public static final RegionLine PILOT_TOTAL_LINE = new RegionLine(Kind.PILOT_TOTAL, null, "Pilot regions, total",
            "Пилоттық өңірлер, барлығы", "Пилотные регионы, всего");
    public static final RegionLine REPUBLIC_LINE = new RegionLine(Kind.REPUBLIC, null, "Republic of Kazakhstan",
            "Қазақстан Республикасы", "Республика Казахстан");

    /** The region of a row in {@code statistics.csv}: the KATO code, {@code PILOT} or {@code KZ}. */
    public String statisticsCode() {
        return switch (kind) {
            case REGION -> code;
            case PILOT_TOTAL -> "PILOT";
            case REPUBLIC -> "KZ";
        };
    }

    /** The name in a language of the workbook (a code of {@link Language}). */
    public String name(String language) {
        return switch (language) {
            case "kk" -> nameKk;
            case "ru" -> nameRu;
            default -> nameEn;
        };
    }

    public boolean isRegion() {
        return kind == Kind.REGION;
    }

    public static boolean isOriginalPilot(ReferenceData.Region region) {
        return region.pilotSince() != null && !region.pilotSince().isAfter(ORIGINAL_PILOT_UNTIL);
    }

    /**
     * The rows of a regional table: the pilot regions by code, their subtotal, the other regions by code, then the
     * republic. The subtotal is left out when no region is a pilot region.
     */
    public static List<RegionLine> order(Collection<ReferenceData.Region> regions) {
        Comparator<ReferenceData.Region> byCode = Comparator.comparing(ReferenceData.Region::code);
        List<RegionLine> lines = new ArrayList<>();
        regions.stream().filter(RegionLine::isOriginalPilot).sorted(byCode).forEach(r -> lines.add(of(r)));
        if (!lines.isEmpty()) {
            lines.add(PILOT_TOTAL_LINE);
        }
        regions.stream().filter(r -> !isOriginalPilot(r)).sorted(byCode).forEach(r -> lines.add(of(r)));
        lines.add(REPUBLIC_LINE);
        return List.copyOf(lines);
    }

    private static RegionLine of(ReferenceData.Region region) {
        return new RegionLine(Kind.REGION, region.code(), region.nameEn(), region.nameKk(), region.nameRu());
    }
}
