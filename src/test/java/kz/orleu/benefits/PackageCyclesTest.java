package kz.orleu.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages are capabilities, layered: no package imports one that imports it back, directly or round a longer
 * loop (a cycle is two capabilities that cannot be read, tested or moved apart).
 */
class PackageCyclesTest {

    private static final Path ROOT = Path.of("src", "main", "java", "kz", "orleu", "benefits");
    private static final Pattern IMPORT = Pattern.compile("^import kz\\.orleu\\.benefits\\.(\\w+)\\.", Pattern.MULTILINE);

    @Test
    void noPackageImportsItselfBackThroughOthers() throws IOException {
        Map<String, Set<String>> imports = imports();
        List<List<String>> cycles = new ArrayList<>();
        for (String start : imports.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.push(List.of(start));
            Set<String> seen = new TreeSet<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : imports.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    if (next.equals(start)) {
                        cycles.add(longer);
                    } else if (seen.add(next)) {
                        paths.push(longer);
                    }
                }
            }
        }
        assertThat(cycles).as("import cycles between packages").isEmpty();
    }

    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(ROOT)) {
            for (Path file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = ROOT.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String from = relative.getName(0).toString();
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        imports.computeIfAbsent(from, k -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        return imports;
    }
}
