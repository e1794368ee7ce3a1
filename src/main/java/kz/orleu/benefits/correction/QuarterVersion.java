package kz.orleu.benefits.correction;

import java.time.LocalDateTime;
import kz.orleu.benefits.quarter.Quarter;

/**
 * The latest completed version of a benefit quarter, as an operator sees it: what the payment unit was sent, the
 * input folder it read, and whether a newer version of an earlier quarter has appeared since it started (then its
 * change codes, failure counts and terminations came from an older version: it is stale).
 */
public record QuarterVersion(Quarter quarter, long runId, int version, LocalDateTime startedAt,
        LocalDateTime completedAt, String inputDir, String outputDir, Integer suppressBelow, boolean stale,
        String language) {
}
