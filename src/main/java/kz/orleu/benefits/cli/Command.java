package kz.orleu.benefits.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.orleu.benefits.partition.Partitions;
import kz.orleu.benefits.quarter.Quarter;
import kz.orleu.benefits.simulation.Proposal;

/** A parsed command line of {@code ops/benefits}. */
public sealed interface Command {

    /** Options every subcommand accepts. */
    record Common(String dbUrl) {
    }

    Common common();

    /**
     * {@code language} null: the rule set's {@code statistics_language}, else English. {@code partitions} null:
     * one per core ({@link kz.orleu.benefits.partition.Partitions}).
     */
    record Run(Common common, Quarter quarter, Path input, Path output, Integer suppressBelow, String language,
            Integer partitions, boolean remoteWorkers) implements Command {
        public Run(Common common, Quarter quarter, Path input, Path output, Integer suppressBelow) {
            this(common, quarter, input, output, suppressBelow, null, null, false);
        }

        public Run(Common common, Quarter quarter, Path input, Path output, Integer suppressBelow, String language) {
            this(common, quarter, input, output, suppressBelow, language, null, false);
        }
    }

    /** A worker process of remote partitioning: serves partitions of any run until stopped. */
    record Worker(Common common) implements Command {
    }

    record Executions(Common common, boolean failedOnly) implements Command {
    }

    record Restart(Common common, long executionId) implements Command {
    }

    record Stop(Common common, long executionId) implements Command {
    }

    record Abandon(Common common, long executionId) implements Command {
    }

    /** {@code version} null: the latest completed version of the quarter. */
    record Explain(Common common, String familyId, Quarter quarter, Integer version) implements Command {
    }

    /** The latest completed version of every benefit quarter, and which are stale. */
    record Quarters(Common common) implements Command {
    }

    /** A benefit quarter run again from the input folder and options of its latest completed version. */
    record Rerun(Common common, Quarter quarter) implements Command {
    }

    /**
     * Benefit quarter {@code quarter} computed from the folder under proposed reference files, nothing kept
     * (contracts.md, "Simulation"), once per proposal ({@link ProposalOptions}).
     */
    record Simulate(Common common, Quarter quarter, Path input, Path output, List<Proposal> proposals)
            implements Command {

        public Simulate {
            proposals = List.copyOf(proposals);
        }
    }

    /** The administrators' console: a web server on {@code port} against the job's database. */
    record Console(Common common, int port) implements Command {
    }

    String USAGE = """
            usage: benefits run --quarter YYYYQn --input DIR --output DIR [--suppress-below N]
                                [--language kk|ru|en] [--partitions N] [--workers local|remote]
                                [--db-url URL]
                   benefits worker [--db-url URL]
                   benefits executions [--failed]
                   benefits restart EXECUTION_ID
                   benefits stop EXECUTION_ID
                   benefits abandon EXECUTION_ID
                   benefits explain FAMILY_ID --quarter YYYYQn [--version N]
                   benefits quarters
                   benefits rerun YYYYQn
                   benefits simulate --quarter YYYYQn --input DIR --output DIR [--rules FILE]...
                                     [--income-types FILE]... [--subsistence-minimum FILE]...
                   benefits simulate --quarter YYYYQn --input DIR --output DIR --proposals DIR
                   benefits console [--port 8080]""";

    static Command parse(String... args) {
        if (args.length == 0) {
            throw new UsageException("no subcommand given\n" + USAGE);
        }
        String sub = args[0];
        Map<String, String> options = new HashMap<>();
        Map<String, List<String>> proposalFiles = new java.util.TreeMap<>();
        Set<String> flags = new java.util.HashSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--failed") || arg.equals("--help")) {
                flags.add(arg);
            } else if (arg.startsWith("--")) {
                String name = arg;
                String value;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                } else {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option " + arg + " needs a value");
                    }
                    value = args[++i];
                }
                if (ProposalOptions.FILE_OPTIONS.contains(name)) {
                    proposalFiles.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                } else {
                    options.put(name, value);
                }
            } else {
                positional.add(arg);
            }
        }
        Common common = new Common(options.remove("--db-url"));
        Command command = switch (sub) {
            case "run" -> new Run(common, quarter(options.remove("--quarter")),
                    inputFolder(options.remove("--input")), outputFolder(options.remove("--output")),
                    suppressBelow(options.remove("--suppress-below")), language(options.remove("--language")),
                    partitions(options.remove("--partitions")), remoteWorkers(options.remove("--workers")));
            case "worker" -> new Worker(common);
            case "executions" -> new Executions(common, flags.remove("--failed"));
            case "restart" -> new Restart(common, executionId(sub, positional));
            case "stop" -> new Stop(common, executionId(sub, positional));
            case "abandon" -> new Abandon(common, executionId(sub, positional));
            case "explain" -> new Explain(common, familyId(positional), quarter(options.remove("--quarter")),
                    version(options.remove("--version")));
            case "quarters" -> new Quarters(common);
            case "rerun" -> new Rerun(common, rerunQuarter(positional));
            case "simulate" -> new Simulate(common, quarter(options.remove("--quarter")),
                    inputFolder(options.remove("--input")), outputFolder(options.remove("--output")),
                    ProposalOptions.proposals(proposalFiles, options.remove("--proposals")));
            case "console" -> new Console(common, port(options.remove("--port")));
            default -> throw new UsageException("unknown subcommand '" + sub + "'\n" + USAGE);
        };
        if (!(command instanceof Simulate)) {
            proposalFiles.keySet().forEach(option -> options.put(option, ""));
        }
        if (!options.isEmpty()) {
            throw new UsageException("unknown option(s) for " + sub + ": " + String.join(", ", options.keySet()));
        }
        if (!(command instanceof Restart || command instanceof Stop || command instanceof Abandon
                || command instanceof Explain || command instanceof Rerun) && !positional.isEmpty()) {
            throw new UsageException("unexpected argument(s) for " + sub + ": " + String.join(" ", positional));
        }
        return command;
    }

    private static Quarter quarter(String value) {
        if (value == null) {
            throw new UsageException("--quarter is required (the benefit quarter, e.g. 2016Q2)");
        }
        try {
            return Quarter.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Integer version(String value) {
        if (value == null) {
            return null;
        }
        try {
            int version = Integer.parseInt(value);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new UsageException("--version must be a version number, 1 or more (see: benefits executions): "
                    + value);
        }
    }

    private static Quarter rerunQuarter(List<String> positional) {
        if (positional.size() != 1) {
            throw new UsageException("rerun needs exactly one benefit quarter, e.g. benefits rerun 2016Q3");
        }
        return quarter(positional.get(0));
    }

    private static Path inputFolder(String value) {
        if (value == null) {
            throw new UsageException("--input is required (the income-quarter folder)");
        }
        Path folder = Path.of(value);
        if (!Files.isDirectory(folder)) {
            throw new UsageException("input folder " + folder + " does not exist or is not a folder");
        }
        return folder;
    }

    private static Path outputFolder(String value) {
        if (value == null) {
            throw new UsageException("--output is required (the folder that receives <quarter>/)");
        }
        return Path.of(value);
    }

    private static int port(String value) {
        if (value == null) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a TCP port, 1 to 65535 (0: any free one): " + value);
        }
    }

    private static Integer suppressBelow(String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--suppress-below must be a whole number, 0 or more: " + value);
        }
    }

    private static Integer partitions(String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > Partitions.MAX) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--partitions must be a whole number, 1 to " + Partitions.MAX + ": " + value);
        }
    }

    private static boolean remoteWorkers(String value) {
        if (value == null || value.equals("local")) {
            return false;
        }
        if (!value.equals(Partitions.REMOTE)) {
            throw new UsageException("--workers must be local (threads of this process) or remote (worker"
                    + " processes, ops/benefits worker): " + value);
        }
        return true;
    }

    private static String language(String value) {
        if (value == null) {
            return null;
        }
        if (!Set.of("kk", "ru", "en").contains(value)) {
            throw new UsageException("--language must be kk (Kazakh), ru (Russian) or en (English): " + value);
        }
        return value;
    }

    private static long executionId(String sub, List<String> positional) {
        if (positional.size() != 1) {
            throw new UsageException(sub + " needs exactly one EXECUTION_ID");
        }
        try {
            return Long.parseLong(positional.get(0));
        } catch (NumberFormatException e) {
            throw new UsageException("not an execution id: " + positional.get(0));
        }
    }

    private static String familyId(List<String> positional) {
        if (positional.size() != 1) {
            throw new UsageException("explain needs exactly one FAMILY_ID");
        }
        return positional.get(0);
    }
}
