package org.tallyroom.store.uk;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.history.CouncilControlImporter;
import org.tallyroom.store.ni.NiAssemblyImporter;
import org.tallyroom.store.notional.NotionalResults;

/**
 * Every import a folder laid out as the UK data is (data/README.md) holds: general elections by candidate
 * with their constituency files, the notional results on later boundaries, London borough elections with
 * their wards, turnout and party-name files, the 2016 GLA folder, council control files and the NI Assembly
 * count sheets. Each import is made exactly as its own {@code tallyroom import KIND} command makes it (same
 * source, same importer name), so importing a folder after (or before) the single commands changes nothing.
 *
 * <p>The folder is the data folder (with {@code uk/} and {@code stv/ni-assembly/}) or its {@code uk/}
 * folder (the NI sheets are then looked for in {@code ../stv/ni-assembly}). The order is the one later
 * imports rely on: general elections by year before the notional results that are compared with them,
 * then London boroughs by year, the GLA, council control, and the NI Assembly.
 */
public final class UkDataFolder {
    /** Folders of {@code uk/} this class reads. */
    private static final List<String> KNOWN = List.of("westminster", "london-boroughs", "london-2016", "council-control");
    private static final Pattern GE_CANDIDATES = Pattern.compile("(?i)ge(\\d{4})-results-by-candidate\\.csv");
    private static final Pattern GE_NOTIONAL = Pattern.compile("(?i)ge(\\d{4})-notional-.*-by-candidate\\.csv");
    private static final Pattern BOROUGH_CANDIDATES = Pattern.compile("(?i)(\\d{4})-candidates\\.csv");
    private static final Pattern COUNCIL_CONTROL = Pattern.compile("(?i)council-composition-.*\\.csv");

    private UkDataFolder() {
    }

    /**
     * One import: the file it is reported by, its source (or why its files could not be read: then source
     * and work are null), the importer's name and the work, run in its own transaction.
     */
    public record Job(String kind, Path file, Source source, String unreadable, String importer, Store.Work<Exception> work) {
    }

    /** A file or folder left alone, and why. */
    public record Skipped(Path path, String why) {
    }

    /** What a folder holds: the imports in order, and what was not recognised. */
    public record Plan(List<Job> jobs, List<Skipped> skipped) {
    }

    /** The imports in {@code dir} and what it holds that is not recognised. */
    public static Plan plan(Path dir) throws IOException {
        Path uk;
        Path ni;
        List<Skipped> skipped = new ArrayList<>();
        if (Files.isDirectory(dir.resolve("uk"))) {
            uk = dir.resolve("uk");
            ni = dir.resolve("stv").resolve("ni-assembly");
            for (Path p : list(dir)) {
                String name = p.getFileName().toString();
                if (name.equals("stv") && Files.isDirectory(p)) {
                    for (Path s : list(p)) {
                        if (!s.getFileName().toString().equals("ni-assembly")) {
                            skipped.add(new Skipped(s, "not UK results data"));
                        }
                    }
                } else if (!name.equals("uk")) {
                    skipped.add(new Skipped(p, "not UK results data"));
                }
            }
        } else {
            uk = dir;
            Path parent = dir.toAbsolutePath().normalize().getParent();
            ni = parent == null ? dir.resolve("stv").resolve("ni-assembly") : parent.resolve("stv").resolve("ni-assembly");
        }
        List<Job> jobs = new ArrayList<>();
        Set<Path> used = new HashSet<>();
        westminster(uk.resolve("westminster"), jobs, used);
        boroughs(uk.resolve("london-boroughs"), jobs, used);
        Path gla = uk.resolve("london-2016");
        if (Files.isDirectory(gla)) {
            London2016Importer.files(gla).forEach(f -> used.add(key(f)));
            jobs.add(job("london-2016", gla, () -> London2016Importer.source(gla), London2016Importer.NAME,
                    in -> London2016Importer.load(gla, in)));
        }
        List<Path> control = matching(uk.resolve("council-control"), COUNCIL_CONTROL);
        if (!control.isEmpty()) {
            control.forEach(f -> used.add(key(f)));
            jobs.add(job("council-control", control.get(0),
                    () -> Source.of(String.join(" + ", control.stream().map(Path::toString).toList()), control),
                    CouncilControlImporter.NAME, in -> CouncilControlImporter.load(control, in)));
        }
        if (Files.isDirectory(ni)) {
            List<Path> dirs = List.of(ni);
            jobs.add(job("ni-assembly", ni, () -> NiAssemblyImporter.source(dirs), NiAssemblyImporter.NAME,
                    in -> NiAssemblyImporter.load(dirs, in)));
        }
        for (Path p : list(uk)) {
            String name = p.getFileName().toString();
            if (!KNOWN.contains(name) || !Files.isDirectory(p)) {
                skipped.add(new Skipped(p, "not a folder of the UK data layout"));
            } else {
                for (Path f : list(p)) {
                    if (!used.contains(key(f))) {
                        skipped.add(new Skipped(f, "not a file this folder's importer reads"));
                    }
                }
            }
        }
        skipped.sort(Comparator.comparing(s -> s.path().toString()));
        return new Plan(List.copyOf(jobs), List.copyOf(skipped));
    }

    /** General elections by year (with their constituency files), then notional results. */
    private static void westminster(Path dir, List<Job> jobs, Set<Path> used) throws IOException {
        TreeMap<Integer, Path> byYear = new TreeMap<>();
        List<Path> notional = new ArrayList<>();
        for (Path f : list(dir)) {
            String name = f.getFileName().toString();
            Matcher m = GE_CANDIDATES.matcher(name);
            if (m.matches()) {
                byYear.put(Integer.parseInt(m.group(1)), f);
            } else if (GE_NOTIONAL.matcher(name).matches()) {
                notional.add(f);
            }
        }
        for (Path cand : byYear.values()) {
            Path cons = sibling(cand, cand.getFileName().toString().replaceFirst("(?i)by-candidate", "by-constituency"));
            used.add(key(cand));
            if (cons != null) {
                used.add(key(cons));
            }
            jobs.add(hocCandidates(cand, cons, null));
        }
        for (Path f : notional) {
            used.add(key(f));
            jobs.add(job("hoc-notional", f, () -> Source.of(f), NotionalResults.NAME, in -> NotionalResults.load(f, in)));
        }
    }

    /** London borough elections by year, each with the wards or turnout file and the party lookup beside it. */
    private static void boroughs(Path dir, List<Job> jobs, Set<Path> used) throws IOException {
        TreeMap<Integer, Path> byYear = new TreeMap<>();
        for (Path f : list(dir)) {
            Matcher m = BOROUGH_CANDIDATES.matcher(f.getFileName().toString());
            if (m.matches()) {
                byYear.put(Integer.parseInt(m.group(1)), f);
            }
        }
        for (Path cand : byYear.values()) {
            used.add(key(cand));
            Path lookup = LondonBoroughImporter.beside(cand, "party-name-lookup.csv").orElse(null);
            if (lookup != null) {
                used.add(key(lookup));
            }
            // The 2006 layout reads the ward turnout file beside it by itself; the 2022 one needs its wards file.
            LondonBoroughImporter.beside(cand, cand.getFileName().toString().replace("candidates", "ward-turnout"))
                    .ifPresent(f -> used.add(key(f)));
            Path wards;
            try {
                wards = LondonBoroughImporter.layout(cand) == LondonBoroughImporter.Layout.Y2022
                        ? LondonBoroughImporter.defaultWards(cand).orElse(null) : null;
            } catch (InputException e) {
                jobs.add(new Job(LondonBoroughImporter.NAME, cand, null, e.getMessage(), null, null));
                continue;
            }
            if (wards != null) {
                used.add(key(wards));
            }
            jobs.add(londonBorough(cand, wards, lookup, null));
        }
    }

    /**
     * A general election by candidate, with its by-constituency file (or null), as
     * {@code tallyroom import hoc-candidates} imports it; the polling day {@code date}, else from the name.
     */
    public static Job hocCandidates(Path file, Path constituencies, LocalDate date) {
        LocalDate day;
        try {
            day = HocCandidatesImporter.date(file, date);
        } catch (InputException e) {
            return new Job(HocCandidatesImporter.NAME, file, null, e.getMessage(), null, null);
        }
        List<Path> read = new ArrayList<>(List.of(file));
        if (constituencies != null) {
            read.add(constituencies);
        }
        String name = file + (constituencies == null ? "" : " + " + constituencies);
        return job(HocCandidatesImporter.NAME, file, () -> Source.of(name, read),
                HocCandidatesImporter.NAME + " " + day + (constituencies == null ? "" : " constituencies"),
                in -> HocCandidatesImporter.load(file, constituencies, day, in));
    }

    /**
     * A London borough candidates file with its wards file and party lookup (either may be null), as
     * {@code tallyroom import london-borough} imports it; the polling day {@code date}, else from the files.
     */
    public static Job londonBorough(Path file, Path wards, Path lookup, LocalDate date) {
        List<Path> read = new ArrayList<>(List.of(file));
        StringBuilder name = new StringBuilder(file.toString());
        StringBuilder importer = new StringBuilder(LondonBoroughImporter.NAME + (date == null ? "" : " " + date));
        if (wards != null) {
            read.add(wards);
            name.append(" + ").append(wards);
            importer.append(" wards");
        }
        if (lookup != null) {
            read.add(lookup);
            name.append(" + ").append(lookup);
            importer.append(" lookup");
        }
        return job(LondonBoroughImporter.NAME, file, () -> Source.of(name.toString(), read), importer.toString(),
                in -> LondonBoroughImporter.load(file, wards, lookup, date, in));
    }

    /** Reading a job's source: the files' bytes, which may be missing or unreadable. */
    private interface SourceRead {
        Source read() throws IOException, InputException;
    }

    private static Job job(String kind, Path file, SourceRead source, String importer, Store.Work<Exception> work) {
        try {
            return new Job(kind, file, source.read(), null, importer, work);
        } catch (InputException e) {
            return new Job(kind, file, null, e.getMessage(), importer, null);
        } catch (IOException e) {
            // Name the file that could not be read: a source may be several files.
            String name = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() : file.toString();
            return new Job(kind, file, null, CsvFile.unreadable(name, e).getMessage(), importer, null);
        }
    }

    private static Path sibling(Path file, String name) {
        Path p = file.resolveSibling(name);
        return Files.isRegularFile(p) ? p : null;
    }

    private static List<Path> matching(Path dir, Pattern pattern) throws IOException {
        return list(dir).stream().filter(p -> pattern.matcher(p.getFileName().toString()).matches()).toList();
    }

    /** The entries of a folder in name order; none if it is not a folder. */
    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(out::add);
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** The files used are compared as absolute paths: some come from helpers that make them absolute. */
    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** What a folder with no import in it should have held, for the message saying so. */
    public static final String EXPECTED = "a folder laid out as the UK data (uk/westminster, uk/london-boroughs, "
            + "uk/london-2016, uk/council-control, stv/ni-assembly), or its uk/ folder";
}
